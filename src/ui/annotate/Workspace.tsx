// The annotation workspace: add a document, see the mentions of known
// entities, mark relations quote by quote and create entities, every edit
// checked by the core's validation, undone and redone, and kept in
// IndexedDB as it is made. Export writes the working graph as a dataset.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Entity, Source, Triple } from '../../core/model.ts';
import type { Problem } from '../../core/problems.ts';
import { indexSchema } from '../../core/schema.ts';
import { MentionFinder, type Mention } from '../../core/annotate/mentions.ts';
import { findCandidates, type Candidate } from '../../core/annotate/candidates.ts';
import { exportDataset } from '../controllers/gateway.ts';
import { download } from '../state/app-state.ts';
import { checkWork, newErrors } from './check.ts';
import { loadStored, saveWork, clearWork, type Stored } from './persist.ts';
import { rebase } from './merge.ts';
import { exportWork, history, newEntity, newTripleId, record, redo, slug, startWork, undo, type Edit, type History } from './work.ts';
import type { WorkspaceProps } from './entry.tsx';
import { DocumentForm } from './DocumentForm.tsx';
import { DocumentText, type Span } from './DocumentText.tsx';
import { RelationForm } from './RelationForm.tsx';
import { EntityTools } from './EntityTools.tsx';
import { optionText } from './EntityPicker.tsx';
import './annotate.css';

async function startFrom(view: WorkspaceProps['view']) {
  const ds = await exportDataset(view, { all: true });
  return startWork(view.data.file, ds, view.schema.schema);
}

export function Workspace({ view, onClose }: WorkspaceProps) {
  const [h, setH] = useState<History>();
  const [saved, setSaved] = useState<'saved' | 'saving' | 'failed'>('saved');
  const [adding, setAdding] = useState(false);
  const [span, setSpan] = useState<Span>();
  const [subject, setSubject] = useState('');
  const [object, setObject] = useState('');
  const [refused, setRefused] = useState<Problem[]>();
  const [candidates, setCandidates] = useState<Candidate[]>();
  const [confirmReset, setConfirmReset] = useState(false);
  // What this tab last loaded or saved: its own edits are the difference.
  const synced = useRef<Stored | undefined>(undefined);
  const channel = useMemo(() => (typeof BroadcastChannel === 'function' ? new BroadcastChannel('actorgraph-annotate') : undefined), []);

  useEffect(() => {
    let live = true;
    void (async () => {
      const stored = await loadStored().catch(() => undefined);
      const s = stored ?? { work: await startFrom(view), rev: 0 };
      synced.current = s;
      if (live) setH(history(s.work));
    })();
    return () => { live = false; channel?.close(); };
  }, []);

  const work = h?.present;
  useEffect(() => {
    if (!work || !synced.current || work === synced.current.work) return;
    setSaved('saving');
    saveWork(work, synced.current).then((s) => {
      synced.current = s;
      channel?.postMessage(s.rev);
      setSaved('saved');
      // Another tab's work came in: show the merge. Undo starts afresh, so it cannot take back the other tab's edits.
      if (s.work !== work) setH((x) => (x && x.present === work ? history(s.work) : x));
    }, () => setSaved('failed'));
  }, [work]);

  // Another tab saved: take its work, with this tab's unsaved edits replayed on it.
  useEffect(() => {
    if (!channel) return;
    channel.onmessage = () => {
      void loadStored().then((s) => {
        const base = synced.current;
        if (!s || !base || s.rev <= base.rev) return;
        setH((x) => {
          if (!x) return x;
          const mine = x.present;
          synced.current = s;
          return history(mine === base.work ? s.work : rebase(mine, base.work, s.work));
        });
      });
    };
  }, [channel]);

  const ds = work?.dataset;
  const schema = useMemo(() => indexSchema(ds?.schema ?? view.schema.schema), [ds?.schema]);
  const byId = useMemo(() => new Map((ds?.entities ?? []).map((e) => [e.id, e])), [ds?.entities]);
  const finderRef = useRef<{ entities: readonly Entity[]; finder: MentionFinder } | undefined>(undefined);
  const finder = useMemo(() => {
    const next = ds?.entities ?? [];
    const prev = finderRef.current;
    // Edits append entities or replace one with more aliases: add those to the trie rather than rebuild it (100k entities take seconds).
    if (prev && next.length >= prev.entities.length) {
      const more: Entity[] = [];
      let ok = true;
      for (let i = 0; ok && i < next.length; i++) {
        const e = next[i]!, old = prev.entities[i];
        if (e === old) continue;
        if (old === undefined || (old.id === e.id && old.label === e.label && old.type === e.type && (old.aliases ?? []).every((a) => e.aliases?.includes(a)))) more.push(e);
        else ok = false;
      }
      if (ok) {
        for (const e of more) prev.finder.add(e);
        finderRef.current = { entities: next, finder: prev.finder };
        return prev.finder;
      }
    }
    const f = new MentionFinder(next);
    finderRef.current = { entities: next, finder: f };
    return f;
  }, [ds?.entities]);
  const source: Source | undefined = ds?.sources.find((s) => s.id === work?.document);
  const text = source?.text ?? '';
  const mentions: Mention[] = useMemo(() => (text ? finder.find(text) : []), [finder, text, ds?.entities]);
  const near = useMemo(() => {
    const seen = new Map<string, Entity>();
    for (const m of mentions) for (const id of m.candidates?.map((c) => c.entity) ?? [m.entity]) { const e = byId.get(id); if (e) seen.set(id, e); }
    for (const id of work?.added.entities ?? []) { const e = byId.get(id); if (e) seen.set(id, e); }
    return [...seen.values()];
  }, [mentions, byId, work?.added.entities]);
  const problems = useMemo(() => (work ? checkWork(work) : []), [work]);
  const errors = problems.filter((p) => p.severity === 'error');

  useEffect(() => {
    setCandidates(undefined);
    if (!text) return;
    // The NLP pass can take a moment on a long text: after the text is drawn.
    const t = setTimeout(() => setCandidates(findCandidates(text, { mentions, schema: schema.schema })), 30);
    return () => clearTimeout(t);
  }, [text, mentions]);
  useEffect(() => { setSpan(undefined); }, [work?.document]);

  if (!h || !work || !ds) return <div class="annotate-loading" role="status">Opening the working graph…</div>;

  const edit = (e: Edit): boolean => {
    const errs = newErrors(work, e, problems);
    if (errs.length) { setRefused(errs); return false; }
    setRefused(undefined);
    setH(record(h, e));
    return true;
  };
  const quote = span ? text.slice(span.start, span.end) : undefined;
  const addedHere = ds.triples.filter((t) => t.source === source?.id && work.added.triples.includes(t.id!));
  const label = (id: string) => byId.get(id)?.label ?? id;
  const pred = (id: string) => schema.predicates.get(id)?.label ?? id;
  const docs = ds.sources.filter((s) => work.added.sources.includes(s.id));

  return (
    <div class="annotate" role="region" aria-label="Annotation workspace">
      <header class="an-bar">
        <button type="button" onClick={onClose} title="Back to the graph">← Graph</button>
        <h1>Grow the graph</h1>
        {docs.length > 0 && (
          <select id="an-document" aria-label="Document" value={work.document ?? ''} onChange={(e) => setH(record(h, { type: 'show-document', id: (e.currentTarget as HTMLSelectElement).value }))}>
            {docs.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
          </select>
        )}
        <button type="button" onClick={() => setAdding(true)}>Add document…</button>
        <span class="an-sep" />
        <button type="button" id="an-undo" onClick={() => setH(undo(h))} disabled={!h.past.length} title="Undo">↶ Undo</button>
        <button type="button" id="an-redo" onClick={() => setH(redo(h))} disabled={!h.future.length} title="Redo">↷ Redo</button>
        <button type="button" id="an-export" onClick={() => download(`${slug(ds.title ?? work.base)}-annotated.json`, exportWork(work))} title="Download the working graph as a dataset">Export</button>
        <span class={`an-status ${errors.length ? 'bad' : ''}`} role="status" id="an-status">
          {errors.length ? `${errors.length} error(s)` : 'valid'} · {work.added.triples.length} relation(s), {work.added.entities.length} entit{work.added.entities.length === 1 ? 'y' : 'ies'} added · {saved}
        </span>
        {confirmReset
          ? <button type="button" class="danger" onClick={() => { void clearWork().then(() => startFrom(view)).then((w) => { synced.current = { work: w, rev: 0 }; setH(history(w)); setConfirmReset(false); }); }}>Discard all and start over from {view.data.file}</button>
          : <button type="button" class="ghost" onClick={() => setConfirmReset(true)} title="Start a new working graph from the data open in the explorer">Start over…</button>}
      </header>
      <div class="an-body">
        <section class="an-doc" aria-label="Document">
          {adding || !source
            ? <DocumentForm taken={(id) => ds.sources.some((s) => s.id === id)} onCancel={source ? () => setAdding(false) : undefined}
                onAdd={(s) => { if (edit({ type: 'add-document', source: s })) setAdding(false); }} />
            : <>
                <div class="an-meta">
                  <h2>{source.title}</h2>
                  <span class="muted small">{[source.publisher, source.published, source.reliability && `reliability ${source.reliability}`].filter(Boolean).join(' · ')}</span>
                  <span class="muted small" id="an-mention-count">{mentions.length} mention(s) of {new Set(mentions.map((m) => m.entity)).size} known entities{mentions.some((m) => m.candidates) ? `, ${mentions.filter((m) => m.candidates).length} ambiguous` : ''}</span>
                </div>
                <DocumentText text={text} mentions={mentions} onSelect={setSpan}
                  onMention={(m) => { const v = optionText(byId.get(m.entity)!); if (!subject) setSubject(v); else setObject(v); }} />
              </>}
        </section>
        <aside class="an-side" aria-label="Relations and entities">
          {refused && (
            <div class="an-card an-refused" role="alert">
              <h2>Not added: the check found</h2>
              <ul>{refused.slice(0, 5).map((p, i) => <li key={i}><code>{p.code}</code> {p.message}<br /><span class="muted small">{p.hint}</span></li>)}</ul>
              <button type="button" class="ghost small" onClick={() => setRefused(undefined)}>Dismiss</button>
            </div>
          )}
          {source && !adding && (
            <>
              <div class="an-card an-quote" role="group" aria-label="Selected quote">
                <h2>Quote</h2>
                {quote ? <blockquote id="an-quote">{quote}</blockquote> : <p class="muted small">Select a sentence in the text: it becomes the evidence, word for word. Click a marked name to make it the subject, then the object.</p>}
              </div>
              <RelationForm schema={schema} entities={ds.entities} byId={byId} near={near} quote={quote}
                subject={subject} object={object} onSubject={setSubject} onObject={setObject}
                onAdd={(t) => {
                  const triple: Triple = { id: newTripleId(work, source.id), ...t, source: source.id };
                  const ok = edit({ type: 'add-relation', triple });
                  if (ok) { setSubject(''); setObject(''); }
                  return ok;
                }} />
              <section class="an-card" aria-label="Relations from this document">
                <h2>Relations from this document ({addedHere.length})</h2>
                <ul class="an-list an-relations">
                  {addedHere.map((t) => (
                    <li key={t.id}>
                      <span><b>{label(t.subject)}</b> —{pred(t.predicate)}→ <b>{label(t.object)}</b></span>
                      <button type="button" class="ghost small" onClick={() => edit({ type: 'remove-relation', id: t.id! })} aria-label={`Remove ${label(t.subject)} ${pred(t.predicate)} ${label(t.object)}`}>remove</button>
                      <q class="muted small">{t.evidence}</q>
                    </li>
                  ))}
                </ul>
              </section>
              <EntityTools schema={schema} entities={ds.entities} byId={byId} near={near} selection={quote} candidates={candidates}
                onCreate={(l, type, mention) => edit({ type: 'add-entity', entity: newEntity(work, l, type, mention) })}
                onAlias={(entity, alias) => edit({ type: 'add-alias', entity, alias })} />
            </>
          )}
          {problems.length > 0 && (
            <details class="an-card an-problems">
              <summary>{errors.length} error(s), {problems.length - errors.length} warning(s) in the working graph</summary>
              <ul>{problems.slice(0, 30).map((p, i) => <li key={i} class={p.severity === 'error' ? 'bad' : ''}><code>{p.code}</code> {p.path}: {p.message}</li>)}</ul>
            </details>
          )}
        </aside>
      </div>
    </div>
  );
}
