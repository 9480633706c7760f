// Names of known entities found in the document, and candidate new ones.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Entity } from '../../core/model.ts';
import type { SchemaIndex } from '../../core/schema.ts';
import { MentionFinder, type Mention } from '../../core/annotate/mentions.ts';
import { findCandidates, type Candidate } from '../../core/annotate/candidates.ts';

/** One finder, kept across edits: entities appended or given more aliases are added to it, not rebuilt. */
export function useFinder(entities: readonly Entity[] | undefined): MentionFinder {
  const finderRef = useRef<{ entities: readonly Entity[]; finder: MentionFinder } | undefined>(undefined);
  return useMemo(() => {
    const next = entities ?? [];
    const prev = finderRef.current;
    // Edits append entities or replace one with more aliases: add those to the trie rather than rebuild it (100k entities take seconds).
    if (prev && next.length >= prev.entities.length) {
      const more: Entity[] = [];
      let ok = true;
      for (let i = 0; ok && i < next.length; i++) {
        const e = next[i]!,
          old = prev.entities[i];
        if (e === old) continue;
        if (
          old === undefined ||
          (old.id === e.id &&
            old.label === e.label &&
            old.type === e.type &&
            (old.aliases ?? []).every((a) => e.aliases?.includes(a)))
        )
          more.push(e);
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
  }, [entities]);
}

/** Entities mentioned in the text or added in this work: offered first in the pickers. */
export function useNear(
  mentions: readonly Mention[],
  byId: ReadonlyMap<string, Entity>,
  added: readonly string[] | undefined,
): Entity[] {
  return useMemo(() => {
    const seen = new Map<string, Entity>();
    for (const m of mentions)
      for (const id of m.candidates?.map((c) => c.entity) ?? [m.entity]) {
        const e = byId.get(id);
        if (e) seen.set(id, e);
      }
    for (const id of added ?? []) {
      const e = byId.get(id);
      if (e) seen.set(id, e);
    }
    return [...seen.values()];
  }, [mentions, byId, added]);
}

/** Candidate new entities in the text, found after the text is drawn. */
export function useCandidates(text: string, mentions: Mention[], schema: SchemaIndex): Candidate[] | undefined {
  const [candidates, setCandidates] = useState<Candidate[]>();
  useEffect(() => {
    setCandidates(undefined);
    if (!text) return;
    // The NLP pass can take a moment on a long text: after the text is drawn.
    const t = setTimeout(() => setCandidates(findCandidates(text, { mentions, schema: schema.schema })), 30);
    return () => clearTimeout(t);
  }, [text, mentions]);
  return candidates;
}
