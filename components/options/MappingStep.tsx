import { useEffect, useState } from 'preact/hooks';
import { TARGET_FIELDS, type ImportPreview } from '../../lib/import';
import type { ColumnMapping, ImportKind } from '../../lib/import/types';
import { guessColumns } from '../../lib/import/mapping';
import { loadSavedMapping } from '../../lib/service/mappingStore';
import { ask, optionsDb } from './backend';

const KIND_LABELS: Record<ImportKind, string> = {
  contacts: 'Contacts (people)',
  companies: 'Companies (accounts)',
  deals: 'Deals / opportunities',
  orders: 'Orders / invoices',
  activities: 'Emails, meetings, calls',
};

const languageNamer = new Intl.DisplayNames('en', { type: 'language' });
/** " (German)", " (Dutch and French)": the languages a guess came from; nothing when it was English alone. */
function languageNames(codes: string[]): string {
  const names = codes.filter((c) => c !== 'en').map((c) => languageNamer.of(c) ?? c);
  return names.length ? ` (${new Intl.ListFormat('en', { type: 'conjunction' }).format(names)})` : '';
}

/** For files we do not recognize: the user assigns columns to fields; the mapping is saved for next time. */
export function MappingStep({ preview, onApply }: { preview: Pick<ImportPreview, 'headers' | 'needsMapping'>; onApply(mapping: ColumnMapping): void }) {
  const needs = preview.needsMapping!;
  const [mapping, setMapping] = useState<ColumnMapping>(needs.suggestion);
  const [saved, setSaved] = useState<ColumnMapping | null>(null);
  const [remember, setRemember] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void (async () => {
      const stored = await loadSavedMapping(await optionsDb(), needs.mappingKey);
      if (stored) setSaved(stored);
    })();
  }, [needs.mappingKey]);

  const fields = TARGET_FIELDS[mapping.kind];
  const column = (field: string) => {
    const value = mapping.columns[field as keyof ColumnMapping['columns']];
    return Array.isArray(value) ? value[0] : value;
  };

  async function apply(chosen: ColumnMapping) {
    const missing = TARGET_FIELDS[chosen.kind].filter((f) => f.required && !chosen.columns[f.field]);
    if (missing.length) {
      setError(`Choose a column for: ${missing.map((f) => f.label).join(', ')}.`);
      return;
    }
    if (remember) {
      try {
        await ask({ type: 'saveMapping', mappingKey: needs.mappingKey, mapping: chosen });
      } catch (e) {
        setError(`The mapping could not be remembered: ${e instanceof Error ? e.message : String(e)}`);
        return;
      }
    }
    onApply(chosen);
  }

  return (
    <div style={{ marginTop: 10 }} data-testid="mapping">
      <div class="notice info" data-testid="mapping-guess">
        {Object.keys(needs.suggestion.columns).length
          ? `These columns are not a known export. The fields below were guessed from the column names${languageNames(needs.languages)}: check each one against its first value, then press Check the rows. The choice is remembered for files with the same columns.`
          : 'These columns were not recognized as a known export. Tell Keep Account what they hold; the choice is remembered for files with the same columns.'}
      </div>
      {saved && (
        <div class="row" style={{ marginBottom: 10 }}>
          <span>A mapping was saved for files with these columns.</span>
          <button type="button" class="primary" onClick={() => onApply(saved)}>
            Use the saved mapping
          </button>
        </div>
      )}
      <label>
        This file contains{' '}
        <select value={mapping.kind} onChange={(e) => {
            const kind = (e.target as HTMLSelectElement).value as ImportKind;
            // Another kind: its fields guessed afresh from the same headers.
            if (kind !== mapping.kind) setMapping({ kind, columns: guessColumns(kind, preview.headers) });
          }}>
          {(Object.keys(KIND_LABELS) as ImportKind[]).map((k) => (
            <option value={k} key={k}>{KIND_LABELS[k]}</option>
          ))}
        </select>
      </label>
      <table style={{ marginTop: 10 }}>
        <thead>
          <tr><th>Field</th><th>Column in the file</th><th>First value</th></tr>
        </thead>
        <tbody>
          {fields.map((f) => {
            const header = column(f.field);
            return (
              <tr key={f.field}>
                <td>{f.label}{f.required && <span style={{ color: 'var(--danger)' }}> *</span>}</td>
                <td>
                  <select
                    value={header ?? ''}
                    aria-label={`Column for ${f.label}`}
                    onChange={(e) => {
                      const value = (e.target as HTMLSelectElement).value;
                      const columns = { ...mapping.columns };
                      if (value) columns[f.field] = value;
                      else delete columns[f.field];
                      setMapping({ ...mapping, columns });
                    }}
                  >
                    <option value="">— not in this file —</option>
                    {preview.headers.map((h) => (
                      <option value={h} key={h}>{h}</option>
                    ))}
                  </select>
                </td>
                <td class="muted small">{header ? needs.sample[0]?.[header] ?? '' : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {error && <div class="notice error">{error}</div>}
      <div class="row" style={{ marginTop: 10 }}>
        <label class="row" style={{ gap: 6 }}>
          <input type="checkbox" checked={remember} onChange={(e) => setRemember((e.target as HTMLInputElement).checked)} /> Remember for files with these columns
        </label>
        <span class="grow" />
        <button type="button" class="primary" onClick={() => void apply(mapping)}>
          Check the rows
        </button>
      </div>
    </div>
  );
}
