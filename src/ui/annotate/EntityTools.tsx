// Entities from the text: a new entity from the selection (the text as
// marked becomes an alias when it differs from the label), the selection as
// an alias of a known entity, and the candidates the NLP library suggests.
import { useEffect, useState } from 'preact/hooks';
import type { Entity } from '../../core/model.ts';
import type { SchemaIndex } from '../../core/schema.ts';
import type { Candidate } from '../../core/annotate/candidates.ts';
import { EntityPicker, resolveEntity } from './EntityPicker.tsx';

interface Props {
  schema: SchemaIndex;
  entities: readonly Entity[];
  byId: ReadonlyMap<string, Entity>;
  near: readonly Entity[];
  selection?: string;
  candidates?: readonly Candidate[];
  onCreate(label: string, type: string, mention?: string): void;
  onAlias(entity: string, alias: string): void;
}

function TypeSelect(p: { id: string; schema: SchemaIndex; value: string; onChange(v: string): void }) {
  return (
    <select
      id={p.id}
      value={p.value}
      aria-label="Entity type"
      onChange={(e) => p.onChange((e.currentTarget as HTMLSelectElement).value)}
    >
      {p.schema.schema.entityTypes.map((t) => (
        <option key={t.id} value={t.id}>
          {t.label}
        </option>
      ))}
    </select>
  );
}

function CandidateRow(p: { c: Candidate; schema: SchemaIndex; onCreate: Props['onCreate'] }) {
  const [type, setType] = useState(p.c.type);
  return (
    <li>
      <span class="an-cand">
        {p.c.text}
        {p.c.count > 1 && <span class="muted small"> ×{p.c.count}</span>}
      </span>
      <TypeSelect id={`cand-type-${p.c.start}`} schema={p.schema} value={type} onChange={setType} />
      <button type="button" class="small" onClick={() => p.onCreate(p.c.text, type, p.c.text)}>
        Create
      </button>
    </li>
  );
}

export function EntityTools(p: Props) {
  const [label, setLabel] = useState('');
  const [type, setType] = useState(p.schema.schema.entityTypes[0]?.id ?? '');
  const [aliasOf, setAliasOf] = useState('');
  useEffect(() => {
    setLabel(p.selection ?? '');
  }, [p.selection]);
  const target = resolveEntity(aliasOf, p.byId, p.entities);
  const sel = p.selection && p.selection.length <= 500 ? p.selection : undefined;
  return (
    <section class="an-card" aria-label="Entities">
      <h2>New entity from the selection</h2>
      <div class="an-row">
        <label class="an-field">
          <span>Label</span>
          <input id="ent-label" value={label} onInput={(e) => setLabel((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label class="an-field">
          <span>Type</span>
          <TypeSelect id="ent-type" schema={p.schema} value={type} onChange={setType} />
        </label>
      </div>
      <div class="an-actions">
        <button type="button" id="ent-create" disabled={!label.trim()} onClick={() => p.onCreate(label, type, sel)}>
          Create entity
        </button>
      </div>
      <h3>Or add the selection as an alias</h3>
      <EntityPicker
        id="alias-of"
        label="of entity"
        entities={p.entities}
        near={p.near}
        value={aliasOf}
        onInput={setAliasOf}
      />
      <div class="an-actions">
        <button
          type="button"
          id="alias-add"
          disabled={!sel || !target}
          onClick={() => {
            if (sel && target) {
              p.onAlias(target.id, sel);
              setAliasOf('');
            }
          }}
        >
          Add alias
        </button>
      </div>
      <h3>Candidates for new entities</h3>
      {!p.candidates ? (
        <p class="muted small">Looking for names…</p>
      ) : p.candidates.length === 0 ? (
        <p class="muted small">None: every name found is a known entity.</p>
      ) : (
        <ul class="an-list" aria-label="Candidates">
          {p.candidates.map((c) => (
            <CandidateRow key={`${c.start}`} c={c} schema={p.schema} onCreate={p.onCreate} />
          ))}
        </ul>
      )}
    </section>
  );
}
