// Accepted triples appended as columns (the store's layout), so no Triple
// object is made while reading, whatever the format.
import type { CheckedTriple } from '../check/dataset.ts';
import type { TripleColumns } from '../store.ts';
import type { Attributes } from '../model.ts';
import { statusCode } from '../trust.ts';

/** A growable Uint32Array. */
export function grow32(a: Uint32Array<ArrayBuffer>, need: number): Uint32Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Uint32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

export class ColumnBuilder {
  private m = 0;
  private subj = new Uint32Array(1024);
  private obj = new Uint32Array(1024);
  private pred = new Uint32Array(1024);
  private src = new Uint32Array(1024);
  private readonly evidence: (string | undefined)[] = [];
  private status?: Uint8Array<ArrayBuffer>;
  private credibility?: Uint8Array<ArrayBuffer>;
  private attributes?: Map<number, Attributes>;
  private date?: (string | undefined)[];
  private confidence?: Float64Array;
  private attributedTo?: (string | undefined)[];
  private qualifier?: (string | undefined)[];
  private givenIds?: (string | undefined)[];

  append(c: CheckedTriple): void {
    const k = this.m++;
    if (k >= this.subj.length) {
      this.subj = grow32(this.subj, k + 1);
      this.obj = grow32(this.obj, k + 1);
      this.pred = grow32(this.pred, k + 1);
      this.src = grow32(this.src, k + 1);
    }
    this.subj[k] = c.s;
    this.obj[k] = c.o;
    this.pred[k] = c.p;
    this.src[k] = c.src;
    this.evidence.push(c.evidence);
    // Optional columns exist from the first triple that has the field; holes before it.
    if (this.date) this.date.push(c.date);
    else if (c.date !== undefined) {
      this.date = new Array(k);
      this.date.push(c.date);
    }
    if (this.attributedTo) this.attributedTo.push(c.attributedTo);
    else if (c.attributedTo !== undefined) {
      this.attributedTo = new Array(k);
      this.attributedTo.push(c.attributedTo);
    }
    if (this.qualifier) this.qualifier.push(c.qualifier);
    else if (c.qualifier !== undefined) {
      this.qualifier = new Array(k);
      this.qualifier.push(c.qualifier);
    }
    if (this.givenIds) this.givenIds.push(c.id);
    else if (c.id !== undefined) {
      this.givenIds = new Array(k);
      this.givenIds.push(c.id);
    }
    // Explicit status as code + 1 and credibility 1..6; 0 = absent.
    if (c.status !== undefined || this.status) {
      if (!this.status || k >= this.status.length) this.status = grow8(this.status, Math.max(1024, this.subj.length));
      if (c.status !== undefined) this.status[k] = statusCode(c.status) + 1;
    }
    if (c.credibility !== undefined || this.credibility) {
      if (!this.credibility || k >= this.credibility.length)
        this.credibility = grow8(this.credibility, Math.max(1024, this.subj.length));
      if (c.credibility !== undefined) this.credibility[k] = c.credibility;
    }
    if (c.attributes !== undefined) (this.attributes ??= new Map()).set(k, c.attributes);
    if (c.confidence !== undefined || this.confidence) {
      if (!this.confidence || k >= this.confidence.length) {
        const b = new Float64Array(Math.max(1024, this.subj.length)).fill(NaN);
        if (this.confidence) b.set(this.confidence);
        this.confidence = b;
      }
      if (c.confidence !== undefined) this.confidence[k] = c.confidence;
    }
  }

  /** The columns, trimmed; predicate and source indices narrowed when they fit 16 bits. */
  columns(predCount: number, sourceCount: number): TripleColumns {
    const m = this.m;
    const cols: TripleColumns = {
      count: m,
      subj: this.subj.slice(0, m),
      obj: this.obj.slice(0, m),
      pred: predCount <= 0xffff ? Uint16Array.from(this.pred.subarray(0, m)) : this.pred.slice(0, m),
      src: sourceCount <= 0xfffe ? Uint16Array.from(this.src.subarray(0, m)) : this.src.slice(0, m),
      evidence: this.evidence,
    };
    if (this.date) cols.date = this.date;
    if (this.confidence) cols.confidence = this.confidence.length === m ? this.confidence : this.confidence.slice(0, m);
    if (this.attributedTo) cols.attributedTo = this.attributedTo;
    if (this.qualifier) cols.qualifier = this.qualifier;
    if (this.givenIds) cols.givenIds = this.givenIds;
    if (this.status) cols.status = this.status.slice(0, m);
    if (this.credibility) cols.credibility = this.credibility.slice(0, m);
    if (this.attributes) cols.attributes = this.attributes;
    return cols;
  }
}

function grow8(a: Uint8Array<ArrayBuffer> | undefined, need: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(Math.max(need, (a?.length ?? 0) * 2));
  if (a) b.set(a);
  return b;
}
