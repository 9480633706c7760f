// Small literal datasets for the core tests; answers are worked out by hand.
import type { Dataset, Schema, Triple } from '../../src/core/model.ts';
import { TripleStore } from '../../src/core/store.ts';

export const schema: Schema = {
  entityTypes: [
    { id: 'actor', label: 'Actor', color: '#888888' },
    { id: 'state', label: 'State', color: '#1f77b4', parent: 'actor' },
    { id: 'organization', label: 'Organization', color: '#ff7f0e', parent: 'actor' },
    { id: 'armed-group', label: 'Armed group', color: '#8c564b', parent: 'organization' },
    { id: 'person', label: 'Person', color: '#2ca02c', parent: 'actor' },
    { id: 'event', label: 'Event', color: '#d62728' },
    { id: 'place', label: 'Place', color: '#9467bd' },
  ],
  predicates: [
    { id: 'backed-by', label: 'backed by', inverseLabel: 'backs', domain: ['actor'], range: ['actor'] },
    { id: 'authorized', label: 'authorized', inverseLabel: 'authorized by', domain: ['person'], range: ['event'] },
    { id: 'struck', label: 'struck', inverseLabel: 'struck by', domain: ['event'], range: ['place'] },
    { id: 'used-by', label: 'used by', inverseLabel: 'uses', domain: ['place'], range: ['actor'] },
    {
      id: 'member-of',
      label: 'member of',
      inverseLabel: 'has member',
      domain: ['person'],
      range: ['organization', 'state'],
    },
    { id: 'killed', label: 'killed', inverseLabel: 'killed by', domain: ['actor', 'event'], range: ['person'] },
    { id: 'ordered', label: 'ordered', inverseLabel: 'ordered by', domain: ['person'], range: ['event'] },
    { id: 'part-of', label: 'part of', inverseLabel: 'has part', domain: ['actor'], range: ['actor'] },
  ],
};

const src = 'al-monitor';
const ev = (s: string) => `evidence: ${s}`;

/** The Al-Monitor story in miniature. */
export const story: Dataset = {
  format: 'actorgraph/dataset',
  version: 1,
  title: 'Strike story',
  sources: [
    {
      id: src,
      title: 'US strikes Iran-backed militias',
      publisher: 'Al-Monitor',
      published: '2021-02-26',
      path: 'sources/a.txt',
    },
  ],
  entities: [
    { id: 'iran', label: 'Iran', type: 'state', aliases: ['Islamic Republic of Iran'] },
    { id: 'iran-gov', label: "Iran's government", type: 'organization' },
    { id: 'kataib-hezbollah', label: 'Kataib Hezbollah', type: 'armed-group', aliases: ["Kata'ib Hizballah", 'KH'] },
    { id: 'kataib-sayyid-al-shuhada', label: 'Kataib Sayyid al-Shuhada', type: 'armed-group', aliases: ['KSS'] },
    { id: 'qasem-soleimani', label: 'Qasem Soleimani', type: 'person', aliases: ['Qāsem Soleimānī', 'Suleimani'] },
    { id: 'joe-biden', label: 'Joe Biden', type: 'person', description: 'US president' },
    { id: 'us-strike', label: 'US airstrike on eastern Syria', type: 'event', date: '2021-02-25' },
    { id: 'border-point', label: 'border control point', type: 'place' },
    { id: 'united-states', label: 'United States', type: 'state', aliases: ['US', 'U.S.'] },
    { id: 'donald-trump', label: 'Donald Trump', type: 'person' },
    { id: 'soleimani-killing', label: 'Killing of Qasem Soleimani', type: 'event', date: '2020-01-03' },
  ],
  triples: [
    {
      id: 't1',
      subject: 'kataib-hezbollah',
      predicate: 'backed-by',
      object: 'iran',
      source: src,
      evidence: ev('KH backed by Iran'),
      confidence: 0.9,
    },
    {
      id: 't2',
      subject: 'kataib-sayyid-al-shuhada',
      predicate: 'backed-by',
      object: 'iran',
      source: src,
      evidence: ev('KSS backed by Iran'),
    },
    {
      id: 't3',
      subject: 'joe-biden',
      predicate: 'authorized',
      object: 'us-strike',
      source: src,
      evidence: ev('Biden authorized'),
      date: '2021-02-25',
    },
    {
      id: 't4',
      subject: 'us-strike',
      predicate: 'struck',
      object: 'border-point',
      source: src,
      evidence: ev('struck a border control point'),
    },
    {
      id: 't5',
      subject: 'border-point',
      predicate: 'used-by',
      object: 'kataib-hezbollah',
      source: src,
      evidence: ev('used by KH'),
      qualifier: 'reportedly',
      attributedTo: 'united-states',
    },
    {
      subject: 'joe-biden',
      predicate: 'member-of',
      object: 'united-states',
      source: src,
      evidence: ev('Biden of the US'),
    },
    {
      subject: 'donald-trump',
      predicate: 'ordered',
      object: 'soleimani-killing',
      source: src,
      evidence: ev('Trump ordered'),
    },
    {
      subject: 'soleimani-killing',
      predicate: 'killed',
      object: 'qasem-soleimani',
      source: src,
      evidence: ev('killed Soleimani'),
    },
    {
      subject: 'qasem-soleimani',
      predicate: 'member-of',
      object: 'iran-gov',
      source: src,
      evidence: ev('Soleimani of the IRGC'),
    },
    { subject: 'iran-gov', predicate: 'part-of', object: 'iran', source: src, evidence: ev('the government of Iran') },
    // A repeat of the same s|p|o without id: derived ids get `#2`.
    {
      subject: 'iran-gov',
      predicate: 'part-of',
      object: 'iran',
      source: src,
      evidence: ev('again, the government of Iran'),
    },
    {
      subject: 'donald-trump',
      predicate: 'member-of',
      object: 'united-states',
      source: src,
      evidence: ev('Trump of the US'),
    },
  ],
};

export function storyStore(): TripleStore {
  return TripleStore.build(story, schema);
}

/** A generic schema for abstract graphs: node types `node`, `hub` (a `node`), `blocked`. */
export const abstractSchema: Schema = {
  entityTypes: [
    { id: 'node', label: 'Node', color: '#000000' },
    { id: 'hub', label: 'Hub', color: '#ff0000', parent: 'node' },
    { id: 'blocked', label: 'Blocked', color: '#00ff00' },
  ],
  predicates: ['p', 'q', 'r'].map((id) => ({
    id,
    label: `${id} to`,
    inverseLabel: `${id} from`,
    domain: [],
    range: [],
  })),
};

/**
 * A dataset from edge strings "a-p->b" (predicate p). Entities are created for
 * every name; a name ending in `!` is of type `blocked`, `*` of type `hub`.
 */
export function abstractGraph(edges: string[], extraNodes: string[] = []): Dataset {
  const types = new Map<string, string>();
  const name = (raw: string) => {
    const id = raw.replace(/[!*]$/, '');
    if (!types.has(id) || types.get(id) === 'node')
      types.set(id, raw.endsWith('!') ? 'blocked' : raw.endsWith('*') ? 'hub' : 'node');
    return id;
  };
  const triples: Triple[] = edges.map((e, i) => {
    const m = /^(.+?)-(\w)->(.+)$/.exec(e);
    if (!m) throw new Error(`bad edge ${e}`);
    return {
      id: `e${i}:${e.replace(/[!*]/g, '')}`,
      subject: name(m[1]!),
      predicate: m[2]!,
      object: name(m[3]!),
      source: 's',
      evidence: e,
    };
  });
  for (const n of extraNodes) name(n);
  return {
    format: 'actorgraph/dataset',
    version: 1,
    sources: [{ id: 's', title: 'test' }],
    entities: [...types].map(([id, type]) => ({ id, label: id.toUpperCase(), type })),
    triples,
  };
}

export function abstractStore(edges: string[], extraNodes: string[] = []): TripleStore {
  return TripleStore.build(abstractGraph(edges, extraNodes), abstractSchema);
}
