// How the data on screen came, as steps that can be replayed: a base (the
// bundled data, a same-site URL or files) and files merged into it. Its
// content hash names it in links (`?ds=HASH`), so the same files opened the
// same way give the same link.
import type { ReadChoices } from '../data/protocol.ts';

export type DataStep =
  | { kind: 'bundled' }
  | { kind: 'url'; url: string }
  | { kind: 'files'; files: File[]; read?: ReadChoices };

/** The steps after opening `files`: alone (replace) or merged into what `base` holds. */
export function nextSteps(
  base: readonly DataStep[] | undefined,
  files: File[],
  read: ReadChoices | undefined,
  merge: boolean,
): DataStep[] {
  const step: DataStep = { kind: 'files', files, ...(read ? { read } : {}) };
  return merge ? [...(base?.length ? base : [{ kind: 'bundled' } as const]), step] : [step];
}

const enc = new TextEncoder();

/** SHA-256 over every step's kind, names, read choices and bytes, in order: 32 hex digits (128 bits). */
export async function stepsHash(steps: readonly DataStep[]): Promise<string> {
  const parts: Uint8Array[] = [];
  const text = (s: string) => {
    const b = enc.encode(s);
    parts.push(enc.encode(`${b.length}:`), b);
  };
  for (const s of steps) {
    text(s.kind);
    if (s.kind === 'url') text(s.url);
    if (s.kind !== 'files') continue;
    text(JSON.stringify(s.read ?? null));
    // Names sorted: the order files were picked in does not change the data.
    for (const f of [...s.files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      text(f.name);
      const b = new Uint8Array(await f.arrayBuffer());
      parts.push(enc.encode(`${b.length}:`), b);
    }
  }
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', all));
  return [...digest.slice(0, 16)].map((x) => x.toString(16).padStart(2, '0')).join('');
}

/** A hash as links carry it. */
export const isDataHash = (s: string): boolean => /^[0-9a-f]{32}$/.test(s);
