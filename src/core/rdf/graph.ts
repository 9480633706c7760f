// What a reader gathers of an RDF file before mapping it: every subject with
// what is said of it, in file order, and where it is first said.
import type { TextLocation } from '../json-location.ts';
import type { Term } from './terms.ts';

export interface RdfNode {
  /** The IRI, or `_:` and a label for a blank node (numbered in order of appearance). */
  readonly key: string;
  readonly blank: boolean;
  readonly loc: TextLocation;
  /** Predicates and objects, in file order (parallel arrays). */
  readonly p: string[];
  readonly o: Term[];
}

export class RdfGraph {
  readonly nodes = new Map<string, RdfNode>();
  /** Prefixes the file declares (name → namespace). */
  readonly prefixes = new Map<string, string>();
  quads = 0;

  private last?: RdfNode;

  add(subject: string, blank: boolean, loc: TextLocation, p: string, o: Term): void {
    // Statements about one subject mostly come together: the last node is at hand.
    let n = this.last !== undefined && this.last.key === subject ? this.last : this.nodes.get(subject);
    if (!n) this.nodes.set(subject, (n = { key: subject, blank, loc, p: [], o: [] }));
    this.last = n;
    n.p.push(p);
    n.o.push(o);
    this.quads++;
  }
}

/** The first object of `p` on `n`. */
export function first(n: RdfNode, p: string): Term | undefined {
  const i = n.p.indexOf(p);
  return i < 0 ? undefined : n.o[i];
}

/** Every object of `p` on `n`, in order. */
export function all(n: RdfNode, p: string): Term[] {
  const out: Term[] = [];
  for (let i = 0; i < n.p.length; i++) if (n.p[i] === p) out.push(n.o[i]!);
  return out;
}

export function has(n: RdfNode, p: string, o: string): boolean {
  for (let i = 0; i < n.p.length; i++) if (n.p[i] === p && n.o[i]!.value === o && n.o[i]!.kind === 'iri') return true;
  return false;
}
