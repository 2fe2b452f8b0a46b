import { useEffect, useRef, useState } from 'preact/hooks';

import type { ColumnMapping, FormatId } from '../../lib/import/types';
import { importRecordOf, parseAmount, rejectedRowsCsv } from '../../lib/import';
import type { DecimalMark } from '../../lib/import/values';
import { loadFileSettings } from '../../lib/service/mappingStore';
import { ask, formatNumber, optionsDb } from './backend';
import { accountKeyIndex } from '../../lib/db/repo';
import { ImportSession, type ImportSummary } from './importRunner';
import { downloadText } from './download';
import { MappingStep } from './MappingStep';
import { now } from '../clock';
import { dataAge, ordersUpToText } from '../../lib/words/risk';
import { count, fileSize } from '../../lib/words/format';
import { Name } from '../shared/Name';

type ReparseOptions = { dateOrder?: 'dmy' | 'mdy'; mapping?: ColumnMapping; format?: FormatId; decimal?: DecimalMark; currency?: string };

type Job =
  | { stage: 'parsing'; rows: number; fraction: number }
  | { stage: 'preview'; preview: ImportSummary }
  | { stage: 'writing'; preview: ImportSummary; fraction: number }
  | { stage: 'scoring'; preview: ImportSummary }
  | { stage: 'done'; preview: ImportSummary; imported: number }
  | { stage: 'failed'; message: string };

interface FileJobState {
  id: number;
  file: File;
  job: Job;
  dateOrder?: 'dmy' | 'mdy';
}

let nextId = 1;

export function ImportSection() {
  const [jobs, setJobs] = useState<FileJobState[]>([]);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const addFiles = (files: FileList | File[]) => {
    const added = Array.from(files).map((file) => ({ id: nextId++, file, job: { stage: 'parsing', rows: 0, fraction: 0 } as Job }));
    setJobs((current) => [...added, ...current]);
  };

  return (
    <>
      <h1>Import data</h1>
      <p class="lede">
        Drop CSV exports from HubSpot, Salesforce, Pipedrive or Zoho CRM, and order or invoice logs from your ERP. Each file is checked before
        anything is saved, and a file is saved completely or not at all.
      </p>
      <div
        class={over ? 'drop over' : 'drop'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (e.dataTransfer?.files.length) addFiles(e.dataTransfer.files);
        }}
      >
        <p style={{ margin: '0 0 10px', fontSize: 15, color: 'var(--ink)' }}>Drop CSV files here</p>
        <button type="button" class="primary" onClick={() => input.current?.click()}>
          Choose files…
        </button>
        <input
          ref={input}
          type="file"
          accept=".csv,.txt,.tsv,text/csv,text/plain"
          multiple
          hidden
          data-testid="import-input"
          onChange={(e) => {
            const files = (e.target as HTMLInputElement).files;
            if (files?.length) addFiles(files);
            (e.target as HTMLInputElement).value = '';
          }}
        />
        <p class="small" style={{ margin: '10px 0 0' }}>UTF-8 or Windows-1252, comma, semicolon or tab separated. Nothing is uploaded anywhere.</p>
      </div>
      <div style={{ marginTop: 16 }}>
        {jobs.map((job) => (
          <FileJob key={job.id} state={job} onRemove={() => setJobs((all) => all.filter((j) => j.id !== job.id))} />
        ))}
      </div>
    </>
  );
}

function FileJob({ state, onRemove }: { state: FileJobState; onRemove(): void }) {
  const [job, setJob] = useState<Job>(state.job);
  const controller = useRef<AbortController | null>(null);
  const started = useRef(false);
  // One worker per file, from parse to commit: the parsed rows stay in it.
  const session = useRef(new ImportSession());
  useEffect(() => () => session.current.dispose(), []);

  // Every answer so far (mapping, date order, decimal mark, currency): a later question must not undo an earlier one.
  const answers = useRef<ReparseOptions>({});
  async function parse(options: ReparseOptions = {}) {
    answers.current = { ...answers.current, ...options };
    controller.current = new AbortController();
    setJob({ stage: 'parsing', rows: 0, fraction: 0 });
    try {
      const db = await optionsDb();
      const preview = await session.current.parse(
        state.file,
        { fileName: state.file.name, accountIndex: await accountKeyIndex(db), remembered: await loadFileSettings(db), now: now(), ...answers.current },
        (p) => setJob({ stage: 'parsing', rows: p.rows, fraction: p.fraction }),
        controller.current.signal,
      );
      setJob({ stage: 'preview', preview });
    } catch (error) {
      setJob({ stage: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }
  if (!started.current) {
    started.current = true;
    void parse();
  }

  async function write(preview: ImportSummary, asOf?: string) {
    controller.current = new AbortController();
    setJob({ stage: 'writing', preview, fraction: 0 });
    try {
      const { counts } = preview;
      const imported = counts.accounts + counts.contacts + counts.orders + counts.activities;
      await session.current.commit(
        importRecordOf(preview, state.file.name, now(), asOf),
        (fraction) => setJob({ stage: 'writing', preview, fraction }),
        controller.current.signal,
      );
      session.current.dispose();
      // Done once the book is rescored too, so that the risk list a rep opens next already counts this file.
      setJob({ stage: 'scoring', preview });
      await ask({ type: 'dataChanged' }).catch(() => undefined);
      setJob({ stage: 'done', preview, imported });
    } catch (error) {
      const message = error instanceof Error ? error.message : `Saving failed, nothing was saved: ${String(error)}`;
      setJob({ stage: 'failed', message });
    }
  }

  return (
    <section class="card" data-testid="import-job" data-stage={job.stage} aria-label={`Import of ${state.file.name}`}>
      <div class="row">
        <h2 class="grow" style={{ margin: 0 }}>
          <Name text={state.file.name} /> <span class="muted small">{fileSize(state.file.size)}</span>
        </h2>
        {(job.stage === 'parsing' || job.stage === 'writing') && (
          <button type="button" onClick={() => controller.current?.abort()}>
            Cancel
          </button>
        )}
        {(job.stage === 'preview' || job.stage === 'done' || job.stage === 'failed') && (
          <button type="button" onClick={onRemove} aria-label={`Close ${state.file.name}`}>
            {job.stage === 'preview' ? 'Discard' : 'Close'}
          </button>
        )}
      </div>
      {job.stage === 'parsing' && (
        <div style={{ marginTop: 10 }}>
          <progress value={job.fraction} max={1} aria-label="Reading file" />
          <p class="muted small">Reading… {count(job.rows, 'row')}</p>
        </div>
      )}
      {job.stage === 'scoring' && (
        <div style={{ marginTop: 10 }} role="status">
          <progress aria-label="Scoring" />
          <p class="muted small">Saved. Scoring every account…</p>
        </div>
      )}
      {job.stage === 'writing' && (
        <div style={{ marginTop: 10 }}>
          <progress aria-label="Saving" value={job.fraction} max={1} />
          <p class="muted small">Saving {count(job.preview.rowsRead - job.preview.rejected.length, 'row')} in one step…</p>
        </div>
      )}
      {job.stage === 'failed' && <div class="notice error" role="alert">{job.message}</div>}
      {job.stage === 'done' && (
        <div class="notice ok" role="status" data-testid="import-done">
          Imported {count(job.preview.rowsRead - job.preview.rejected.length, 'row')} from {state.file.name} ({describeFormat(job.preview)}).
          {job.preview.rejected.length > 0 && ` ${count(job.preview.rejected.length, 'row')} left out.`}
        </div>
      )}
      {job.stage === 'preview' && <Preview preview={job.preview} fileName={state.file.name} onImport={(asOf) => write(job.preview, asOf)} onReparse={parse} />}
    </section>
  );
}

function describeFormat(preview: ImportSummary): string {
  return `${preview.formatLabel ?? preview.format}, ${preview.kind}`;
}

function Preview(props: {
  preview: ImportSummary;
  fileName: string;
  /** `asOf`: the day the file's orders are complete to, when the user corrected it. */
  onImport(asOf?: string): void;
  onReparse(options: ReparseOptions): void;
}) {
  const { preview } = props;
  const good = preview.rowsRead - preview.rejected.length;
  const [asOf, setAsOf] = useState(preview.ordersThrough ?? '');
  const today = now().toISOString().slice(0, 10);
  const asOfValid = !preview.ordersThrough || (/^\d{4}-\d{2}-\d{2}$/.test(asOf) && asOf >= preview.ordersThrough && asOf <= today);
  if (preview.needsMapping) {
    return <MappingStep preview={preview} onApply={(mapping) => props.onReparse({ mapping })} />;
  }
  return (
    <div style={{ marginTop: 10 }}>
      <p>
        Recognized as <strong>{describeFormat(preview)}</strong>. {count(preview.rowsRead, 'row')} read: <strong>{formatNumber(good)}</strong> ready to import
        {preview.rejected.length > 0 && (
          <>
            , <strong style={{ color: 'var(--danger)' }}>{formatNumber(preview.rejected.length)}</strong> rejected
          </>
        )}
        .
      </p>
      {preview.warnings.map((w) => (
        <div class="notice warn" key={w}>
          {w}
        </div>
      ))}
      {preview.ordersThrough && preview.counts.orders > 0 && (
        <div class={`notice ${dataAge(preview.ordersThrough, { today }).stale ? 'warn' : 'info'}`} data-testid="orders-as-of">
          <strong>{ordersUpToText(preview.ordersThrough, today)}.</strong> Lapse risk is measured up to the day your data is
          complete to, never to today. If this export is complete to a later day (no orders since), say so:
          <label class="row" style={{ marginTop: 8, gap: 8 }}>
            <span>Orders complete to</span>
            <input
              type="date"
              value={asOf}
              min={preview.ordersThrough}
              max={today}
              aria-label="Day the file's orders are complete to"
              data-testid="as-of-input"
              onInput={(e) => setAsOf((e.target as HTMLInputElement).value)}
            />
          </label>
          {!asOfValid && <div class="small" style={{ color: 'var(--danger)' }}>Choose a day from {preview.ordersThrough} (the newest order) to today.</div>}
        </div>
      )}
      {preview.needsDateOrder && (
        <div class="notice info" role="group" aria-label="Date order">
          Dates such as {preview.needsDateOrder.examples.slice(0, 3).join(', ')} can be read two ways. Which order does this file use?
          <div class="row" style={{ marginTop: 8 }}>
            <button type="button" onClick={() => props.onReparse({ dateOrder: 'dmy' })}>
              Day/month/year (31/12/2025)
            </button>
            <button type="button" onClick={() => props.onReparse({ dateOrder: 'mdy' })}>
              Month/day/year (12/31/2025)
            </button>
          </div>
        </div>
      )}
      {preview.needsDecimalMark && <DecimalQuestion examples={preview.needsDecimalMark.examples} onAnswer={(decimal) => void remember(preview, { decimal }, props.onReparse)} />}
      <CurrencyLine preview={preview} onAnswer={(currency) => void remember(preview, { currency }, props.onReparse)} />
      {preview.rejected.length > 0 && (
        <>
          <table data-testid="rejected">
            <thead>
              <tr>
                <th class="num">Row</th>
                <th>Column</th>
                <th>Reason</th>
              </tr>
            </thead>
            <tbody>
              {preview.rejected.slice(0, 50).map((r) => (
                <tr key={`${r.row}-${r.column}`}>
                  <td class="num">{r.row}</td>
                  <td>{r.column ?? '—'}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.rejected.length > 50 && <p class="muted small">…and {formatNumber(preview.rejected.length - 50)} more in the download.</p>}
        </>
      )}
      <div class="row" style={{ marginTop: 12 }}>
        <button type="button" class="primary" disabled={good === 0 || !!preview.needsDateOrder || !!preview.needsDecimalMark || !asOfValid} onClick={() => props.onImport(preview.ordersThrough && asOf !== preview.ordersThrough ? asOf : undefined)} data-testid="import-commit">
          Import {count(good, 'row')}
        </button>
        {preview.rejected.length > 0 && (
          <button type="button" onClick={() => downloadText(props.fileName.replace(/\.\w+$/, '') + '-rejected.csv', rejectedRowsCsv(preview), 'text/csv')}>
            Download rejected rows
          </button>
        )}
      </div>
    </div>
  );
}

/** Remembers an answer for files with the same headers (next to the saved mapping), then reads the file again with it. */
async function remember(preview: ImportSummary, settings: { currency?: string; decimal?: DecimalMark }, reparse: (options: ReparseOptions) => void) {
  // Not remembering is no reason to refuse the answer: the file is read with it either way.
  await ask({ type: 'saveFileSettings', mappingKey: preview.mappingKey, settings }).catch(() => undefined);
  reparse(settings);
}

function DecimalQuestion({ examples, onAnswer }: { examples: string[]; onAnswer(decimal: DecimalMark): void }) {
  const example = examples[0] ?? '1.000';
  const read = (mark: DecimalMark) => formatNumber(parseAmount(example, mark)?.value ?? Number.NaN);
  return (
    <div class="notice info" role="group" aria-label="Number format">
      Numbers such as {examples.slice(0, 3).join(', ')} can be read two ways, and nothing else in the file tells which. How does this file write numbers?
      <div class="row" style={{ marginTop: 8 }}>
        <button type="button" onClick={() => onAnswer(',')}>
          1.234,56 — so {example} is {read(',')}
        </button>
        <button type="button" onClick={() => onAnswer('.')}>
          1,234.56 — so {example} is {read('.')}
        </button>
      </div>
    </div>
  );
}

const COMMON_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'CAD', 'AUD', 'JPY', 'CNY', 'INR', 'BRL', 'MXN', 'ZAR'];

/** Which currency the amounts were read in, and the question when some carry none (asked, never assumed). */
function CurrencyLine({ preview, onAnswer }: { preview: ImportSummary; onAnswer(currency: string): void }) {
  const [choice, setChoice] = useState(preview.answers?.currency ?? '');
  const names = new Intl.DisplayNames('en', { type: 'currency' });
  if (!preview.needsCurrency) {
    if (!preview.currencies.length) return null;
    return (
      <p class="muted small" data-testid="currency-line">
        Amounts in {preview.currencies.join(', ')}
        {preview.answers?.currency && preview.currencies.includes(preview.answers.currency) && (preview.answers.remembered ? ` (${preview.answers.currency} as chosen for files with these columns)` : ` (${preview.answers.currency} as chosen)`)}.
      </p>
    );
  }
  return (
    <div class="notice info" role="group" aria-label="Currency">
      {count(preview.needsCurrency.amounts, 'amount')} carry no currency: the file has no currency column, symbol or code. Which currency are they in? Without an answer
      they are shown as plain numbers.
      <div class="row" style={{ marginTop: 8 }}>
        <select aria-label="Currency of the amounts" value={choice} onChange={(e) => setChoice((e.target as HTMLSelectElement).value)}>
          <option value="">— choose —</option>
          {COMMON_CURRENCIES.map((code) => (
            <option value={code} key={code}>
              {code} — {names.of(code)}
            </option>
          ))}
        </select>
        <button type="button" disabled={!choice} onClick={() => onAnswer(choice)}>
          Use for this file and files with these columns
        </button>
      </div>
    </div>
  );
}
