// The annotation workspace: add a document, see the mentions of known
// entities, mark relations quote by quote and create entities, every edit
// checked by the core's validation, undone and redone, and kept in
// IndexedDB as it is made. Export writes the working graph as a dataset.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Source, Triple } from '../../core/model.ts';
import type { Problem } from '../../core/problems.ts';
import { indexSchema } from '../../core/schema.ts';
import type { Mention } from '../../core/annotate/mentions.ts';
import { checkWork, newErrors } from './check.ts';
import { newEntity, newTripleId, record, type Edit } from './work.ts';
import type { WorkspaceProps } from './entry.tsx';
import { DocumentForm } from './DocumentForm.tsx';
import { DocumentText, type Span } from './DocumentText.tsx';
import { RelationForm } from './RelationForm.tsx';
import { EntityTools } from './EntityTools.tsx';
import { optionText } from './EntityPicker.tsx';
import { useWork } from './use-work.ts';
import { useCandidates, useFinder, useNear } from './use-mentions.ts';
import { WorkBar } from './WorkBar.tsx';
import { useStoreSave } from './store-save.ts';
import { StoreReport } from './StoreReport.tsx';
import './annotate.css';

export function Workspace({ view, onClose, onStoreChanged }: WorkspaceProps) {
  const { h, setH, saved, reset } = useWork(view);
  const store = useStoreSave(view, onStoreChanged);
  const [adding, setAdding] = useState(false);
  const [span, setSpan] = useState<Span>();
  const [subject, setSubject] = useState('');
  const [object, setObject] = useState('');
  const [refused, setRefused] = useState<Problem[]>();

  const work = h?.present;
  const ds = work?.dataset;
  const schema = useMemo(() => indexSchema(ds?.schema ?? view.schema.schema), [ds?.schema]);
  const byId = useMemo(() => new Map((ds?.entities ?? []).map((e) => [e.id, e])), [ds?.entities]);
  const finder = useFinder(ds?.entities);
  const source: Source | undefined = ds?.sources.find((s) => s.id === work?.document);
  const text = source?.text ?? '';
  const mentions: Mention[] = useMemo(() => (text ? finder.find(text) : []), [finder, text, ds?.entities]);
  const near = useNear(mentions, byId, work?.added.entities);
  const problems = useMemo(() => (work ? checkWork(work) : []), [work]);
  const errors = problems.filter((p) => p.severity === 'error');
  const candidates = useCandidates(text, mentions, schema);
  useEffect(() => {
    setSpan(undefined);
  }, [work?.document]);

  if (!h || !work || !ds)
    return (
      <div class="annotate-loading" role="status">
        Opening the working graph…
      </div>
    );

  const edit = (e: Edit): boolean => {
    const errs = newErrors(work, e, problems);
    if (errs.length) {
      setRefused(errs);
      return false;
    }
    setRefused(undefined);
    setH(record(h, e));
    return true;
  };
  const quote = span ? text.slice(span.start, span.end) : undefined;
  const addedHere = ds.triples.filter((t) => t.source === source?.id && work.added.triples.includes(t.id!));
  const label = (id: string) => byId.get(id)?.label ?? id;
  const pred = (id: string) => schema.predicates.get(id)?.label ?? id;

  return (
    <div class="annotate" role="region" aria-label="Annotation workspace">
      <WorkBar
        h={h}
        setH={setH}
        errors={errors}
        saved={saved}
        file={view.data.file}
        onClose={onClose}
        onAddDocument={() => setAdding(true)}
        onReset={reset}
        {...(store.can ? { onSaveToStore: () => store.save(work), storeBusy: store.status.state === 'saving' } : {})}
      />
      <div class="an-body">
        <section class="an-doc" aria-label="Document">
          {adding || !source ? (
            <DocumentForm
              taken={(id) => ds.sources.some((s) => s.id === id)}
              onCancel={source ? () => setAdding(false) : undefined}
              onAdd={(s) => {
                if (edit({ type: 'add-document', source: s })) setAdding(false);
              }}
            />
          ) : (
            <>
              <div class="an-meta">
                <h2>{source.title}</h2>
                <span class="muted small">
                  {[source.publisher, source.published, source.reliability && `reliability ${source.reliability}`]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                <span class="muted small" id="an-mention-count">
                  {mentions.length} mention(s) of {new Set(mentions.map((m) => m.entity)).size} known entities
                  {mentions.some((m) => m.candidates)
                    ? `, ${mentions.filter((m) => m.candidates).length} ambiguous`
                    : ''}
                </span>
              </div>
              <DocumentText
                text={text}
                mentions={mentions}
                onSelect={setSpan}
                onMention={(m) => {
                  const v = optionText(byId.get(m.entity)!);
                  if (!subject) setSubject(v);
                  else setObject(v);
                }}
              />
            </>
          )}
        </section>
        <aside class="an-side" aria-label="Relations and entities">
          <StoreReport status={store.status} onDismiss={store.dismiss} />
          {refused && (
            <div class="an-card an-refused" role="alert">
              <h2>Not added: the check found</h2>
              <ul>
                {refused.slice(0, 5).map((p, i) => (
                  <li key={i}>
                    <code>{p.code}</code> {p.message}
                    <br />
                    <span class="muted small">{p.hint}</span>
                  </li>
                ))}
              </ul>
              <button type="button" class="ghost small" onClick={() => setRefused(undefined)}>
                Dismiss
              </button>
            </div>
          )}
          {source && !adding && (
            <>
              <div class="an-card an-quote" role="group" aria-label="Selected quote">
                <h2>Quote</h2>
                {quote ? (
                  <blockquote id="an-quote">{quote}</blockquote>
                ) : (
                  <p class="muted small">
                    Select a sentence in the text: it becomes the evidence, word for word. Click a marked name to make
                    it the subject, then the object.
                  </p>
                )}
              </div>
              <RelationForm
                schema={schema}
                entities={ds.entities}
                byId={byId}
                near={near}
                quote={quote}
                subject={subject}
                object={object}
                onSubject={setSubject}
                onObject={setObject}
                onAdd={(t) => {
                  const body = { ...t, source: source.id };
                  const triple: Triple = { id: newTripleId(work, source.id, body), ...body };
                  const ok = edit({ type: 'add-relation', triple });
                  if (ok) {
                    setSubject('');
                    setObject('');
                  }
                  return ok;
                }}
              />
              <section class="an-card" aria-label="Relations from this document">
                <h2>Relations from this document ({addedHere.length})</h2>
                <ul class="an-list an-relations">
                  {addedHere.map((t) => (
                    <li key={t.id}>
                      <span>
                        <b>{label(t.subject)}</b> —{pred(t.predicate)}→ <b>{label(t.object)}</b>
                      </span>
                      <button
                        type="button"
                        class="ghost small"
                        onClick={() => edit({ type: 'remove-relation', id: t.id! })}
                        aria-label={`Remove ${label(t.subject)} ${pred(t.predicate)} ${label(t.object)}`}
                      >
                        remove
                      </button>
                      <q class="muted small">{t.evidence}</q>
                    </li>
                  ))}
                </ul>
              </section>
              <EntityTools
                schema={schema}
                entities={ds.entities}
                byId={byId}
                near={near}
                selection={quote}
                candidates={candidates}
                onCreate={(l, type, mention) => edit({ type: 'add-entity', entity: newEntity(work, l, type, mention) })}
                onAlias={(entity, alias) => edit({ type: 'add-alias', entity, alias })}
              />
            </>
          )}
          {problems.length > 0 && (
            <details class="an-card an-problems">
              <summary>
                {errors.length} error(s), {problems.length - errors.length} warning(s) in the working graph
              </summary>
              <ul>
                {problems.slice(0, 30).map((p, i) => (
                  <li key={i} class={p.severity === 'error' ? 'bad' : ''}>
                    <code>{p.code}</code> {p.path}: {p.message}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </aside>
      </div>
    </div>
  );
}
