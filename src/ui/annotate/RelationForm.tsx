// A relation from the selected quote: subject, predicate and object (the
// predicates offered fit the schema's domain and range for the types chosen),
// status, qualifier, attribution, date and grade. The quote is the selection
// itself, so the evidence is verbatim by construction.
import { useMemo, useState } from 'preact/hooks';
import type { ClaimStatus, Credibility, Entity, Predicate, Triple } from '../../core/model.ts';
import type { SchemaIndex } from '../../core/schema.ts';
import { EntityPicker, resolveEntity } from './EntityPicker.tsx';

interface Props {
  schema: SchemaIndex;
  entities: readonly Entity[];
  byId: ReadonlyMap<string, Entity>;
  near: readonly Entity[];
  quote?: string;
  subject: string;
  object: string;
  onSubject(v: string): void;
  onObject(v: string): void;
  /** Adds the relation (id and source filled in by the caller); false when refused. */
  onAdd(t: Omit<Triple, 'id' | 'source'>): boolean;
}

/** Predicates whose domain admits the subject's type and whose range the object's (either may be unknown yet). */
export function fittingPredicates(schema: SchemaIndex, subjectType?: string, objectType?: string): Predicate[] {
  const fits = (t: string | undefined, allowed: string[]) => t === undefined || allowed.some((a) => schema.isA(t, a));
  return schema.schema.predicates.filter((p) => fits(subjectType, p.domain) && fits(objectType, p.range));
}

export function RelationForm(p: Props) {
  const [predicate, setPredicate] = useState('');
  const [status, setStatus] = useState<ClaimStatus | ''>('');
  const [qualifier, setQualifier] = useState('');
  const [attributedTo, setAttributedTo] = useState('');
  const [date, setDate] = useState('');
  const [credibility, setCredibility] = useState('');
  const [note, setNote] = useState<string>();
  const subject = resolveEntity(p.subject, p.byId, p.entities);
  const object = resolveEntity(p.object, p.byId, p.entities);
  const attributed = resolveEntity(attributedTo, p.byId, p.entities);
  const predicates = useMemo(
    () => fittingPredicates(p.schema, subject?.type, object?.type),
    [p.schema, subject?.type, object?.type],
  );
  const chosen = predicates.some((x) => x.id === predicate) ? predicate : '';
  const typeOf = (e?: Entity) => (e ? (p.schema.types.get(e.type)?.label ?? e.type) : undefined);

  const add = () => {
    if (!p.quote) return setNote('Select the quote in the text first.');
    if (!subject || !object)
      return setNote(`Choose ${!subject ? 'the subject' : 'the object'}: type a name and pick it from the list.`);
    if (!chosen) return setNote('Choose a predicate.');
    if (attributedTo.trim() && !attributed)
      return setNote('Choose whose claim it is from the list, or leave it empty.');
    const t: Omit<Triple, 'id' | 'source'> = {
      subject: subject.id,
      predicate: chosen,
      object: object.id,
      evidence: p.quote,
    };
    if (status) t.status = status;
    if (qualifier.trim()) t.qualifier = qualifier.trim();
    if (attributed) t.attributedTo = attributed.id;
    if (date.trim()) t.date = date.trim();
    if (credibility) t.credibility = Number(credibility) as Credibility;
    setNote(undefined);
    if (p.onAdd(t)) {
      setQualifier('');
      setAttributedTo('');
      setDate('');
      setStatus('');
      setCredibility('');
    }
  };

  return (
    <form
      class="an-card"
      aria-label="Add a relation"
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <h2>Add a relation from the quote</h2>
      <EntityPicker
        id="rel-subject"
        label={`Subject${subject ? ` · ${typeOf(subject)}` : ''}`}
        entities={p.entities}
        near={p.near}
        value={p.subject}
        onInput={p.onSubject}
      />
      <label class="an-field">
        <span>Predicate ({predicates.length} fit)</span>
        <select
          id="rel-predicate"
          value={chosen}
          onChange={(e) => setPredicate((e.currentTarget as HTMLSelectElement).value)}
        >
          <option value="">choose…</option>
          {predicates.map((x) => (
            <option key={x.id} value={x.id}>
              {x.label}
            </option>
          ))}
        </select>
      </label>
      <EntityPicker
        id="rel-object"
        label={`Object${object ? ` · ${typeOf(object)}` : ''}`}
        entities={p.entities}
        near={p.near}
        value={p.object}
        onInput={p.onObject}
      />
      <details class="an-more">
        <summary>Status, attribution, date, grade</summary>
        <div class="an-grid">
          <label class="an-field">
            <span>Status</span>
            <select
              id="rel-status"
              value={status}
              onChange={(e) => setStatus((e.currentTarget as HTMLSelectElement).value as ClaimStatus | '')}
            >
              <option value="">from the fields</option>
              <option value="asserted">asserted</option>
              <option value="attributed">attributed</option>
              <option value="hedged">hedged</option>
            </select>
          </label>
          <label class="an-field">
            <span>Qualifier</span>
            <input
              id="rel-qualifier"
              value={qualifier}
              placeholder="reportedly"
              onInput={(e) => setQualifier((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <EntityPicker
            id="rel-attributed"
            label="Whose claim"
            entities={p.entities}
            near={p.near}
            value={attributedTo}
            onInput={setAttributedTo}
          />
          <label class="an-field">
            <span>Date</span>
            <input
              id="rel-date"
              value={date}
              placeholder="2021-02-25"
              onInput={(e) => setDate((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <label class="an-field">
            <span>Credibility</span>
            <select
              id="rel-credibility"
              value={credibility}
              onChange={(e) => setCredibility((e.currentTarget as HTMLSelectElement).value)}
            >
              <option value="">not graded</option>
              {[1, 2, 3, 4, 5, 6].map((c) => (
                <option key={c} value={String(c)}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        </div>
      </details>
      {note && (
        <p class="warning" role="alert">
          {note}
        </p>
      )}
      <div class="an-actions">
        <button type="submit" class="primary" id="rel-add" disabled={!p.quote}>
          Add relation
        </button>
      </div>
    </form>
  );
}
