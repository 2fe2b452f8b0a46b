// `npm run score -- <file> [<file> …] [--as-of YYYY-MM-DD] [--today YYYY-MM-DD] [--map field=column …]
//  [--date-order dmy|mdy] [--skip-bad-rows] [--out scores.csv]`
// Scores exports exactly as the extension does: every file goes through lib/import (every format the options page
// reads), is committed by the import worker's own commitImport into an IndexedDB (fake-indexeddb, in memory), and the
// book is rescored by the background's rescoreAll: one code path, so the CLI and the sidebar give the same level and
// probability for every account. Writes one row per account (CSV, formulas neutralized) and prints the book's model.
import 'fake-indexeddb/auto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { importRecordOf, parseImportFile } from '../lib/import';
import { TARGET_FIELDS } from '../lib/import/mapping';
import type { ColumnMapping, DateOrder, TargetField } from '../lib/import/types';
import { openKeepAccountDb } from '../lib/db/schema';
import { accountKeyIndex, getMeta } from '../lib/db/repo';
import { allAccounts } from '../lib/db/accounts';
import { commitImport } from '../lib/service/importCommit';
import { summarize } from '../lib/service/importWorker';
import { rescoreAll } from '../lib/service/rescore';
import { RiskModel, type LapseRisk } from '../lib/model/insight';
import { riskWords, trackRecordText } from '../lib/words/risk';
import { count } from '../lib/words/format';
import { objectsToCsv } from '../lib/import/csvOut';

const USAGE =
  'usage: npm run score -- <file> [<file> …] [--as-of YYYY-MM-DD] [--today YYYY-MM-DD] [--map field=column …] [--kind orders|contacts|companies|deals|activities] [--date-order dmy|mdy] [--skip-bad-rows] [--out scores.csv]';

export class UsageError extends Error {}
/** The input cannot be scored as it is (unrecognized columns, ambiguous dates, unreadable rows). */
export class InputError extends Error {}
const ISO = /^\d{4}-\d{2}-\d{2}$/;

export interface ScoreRun {
  rows: Record<string, string | number>[];
  model?: RiskModel;
  log: string[];
}

export interface ScoreOptions {
  files: { name: string; bytes: Uint8Array }[];
  today: string;
  asOf?: string;
  map?: string[];
  /** What the files given --map hold (default: orders). */
  kind?: ColumnMapping['kind'];
  dateOrder?: DateOrder;
  skipBadRows?: boolean;
}

/** Parses `--map field=column` into a mapping for files whose headers were not recognized. */
function mappingFrom(pairs: readonly string[], kind: ColumnMapping['kind']): ColumnMapping {
  const allowed = TARGET_FIELDS[kind].map((f) => f.field);
  const columns: ColumnMapping['columns'] = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const field = pair.slice(0, at).trim() as TargetField;
    const column = pair.slice(at + 1).trim();
    if (at < 1 || !column) throw new UsageError(`--map needs field=column (got "${pair}")`);
    if (!allowed.includes(field)) throw new UsageError(`--map: "${field}" is not a field of ${kind} files (fields: ${allowed.join(', ')})`);
    columns[field] = column;
  }
  return { kind, columns };
}

export async function scoreFiles(options: ScoreOptions): Promise<ScoreRun> {
  const log: string[] = [];
  const db = await openKeepAccountDb({ name: `keep-account-cli-${Math.random()}` });
  const now = new Date(`${options.today}T12:00:00Z`);
  try {
    for (const file of options.files) {
      const parse = async (mapping?: ColumnMapping) =>
        parseImportFile(new Blob([file.bytes as Uint8Array<ArrayBuffer>]), {
          fileName: file.name,
          accountIndex: await accountKeyIndex(db),
          now,
          ...(mapping ? { mapping } : {}),
          ...(options.dateOrder ? { dateOrder: options.dateOrder } : {}),
        });
      let preview = await parse();
      if (preview.needsMapping) {
        if (!options.map?.length) {
          const kind = options.kind ?? 'orders';
          const { suggestion } = preview.needsMapping;
          const guessed = suggestion.kind === kind ? Object.entries(suggestion.columns).map(([field, column]) => `--map ${field}=${[column].flat()[0]}`) : [];
          const example = guessed.length ? guessed.join(' ') : '--map customerId=<column> --map date=<column> --map amount=<column>';
          const fields = TARGET_FIELDS[kind].map((f) => f.field).join(', ');
          throw new InputError(`${file.name}: the columns were not recognized (${preview.headers.join(', ')}). Name them with --map, e.g. ${example} (fields of ${kind} files: ${fields}; --kind for another kind of file)`);
        }
        preview = await parse(mappingFrom(options.map, options.kind ?? 'orders'));
      }
      if (preview.needsDateOrder) {
        throw new InputError(`${file.name}: dates such as ${preview.needsDateOrder.examples.slice(0, 3).join(', ')} can be read two ways; pass --date-order dmy or --date-order mdy`);
      }
      if (preview.rejected.length && !options.skipBadRows) {
        // Each reason names its row and column ("row 4, column order_date: '2024-02-31' is not a date").
        const shown = preview.rejected.slice(0, 5).map((r) => `  ${r.reason}`);
        throw new InputError(`${file.name}: ${count(preview.rejected.length, 'row')} cannot be read (pass --skip-bad-rows to score the rest):\n${shown.join('\n')}`);
      }
      const summary = summarize(preview);
      const record = importRecordOf(preview, file.name, now, options.asOf);
      await commitImport(db, preview.batch, record);
      log.push(`${file.name}: ${summary.formatLabel}, ${summary.rowsRead} rows, ${summary.counts.orders} order lines${record.asOf ? `, orders complete to ${record.asOf}` : ''}`);
    }
    await rescoreAll(db, now);
    const [scores, accounts, stored] = await Promise.all([db.getAll('scores'), allAccounts(db), getMeta<unknown>(db, 'riskModel')]);
    const names = new Map(accounts.map((a) => [a.id, a.name]));
    const parsed = RiskModel.safeParse(stored);
    const model = parsed.success ? parsed.data : undefined;
    if (model) log.push(`model: ${model.label} (${model.chosenBy})`, trackRecordText(model, options.today));
    const rows = [...scores].sort((p, q) => (q.valueAtRisk ?? 0) - (p.valueAtRisk ?? 0)).map((risk) => row(risk, names.get(risk.accountId), options.today));
    return { rows, ...(model ? { model } : {}), log };
  } finally {
    db.close();
  }
}

const fixed = (value: number | undefined, digits: number) => (value === undefined ? '' : value.toFixed(digits));

function row(risk: LapseRisk, name: string | undefined, today: string): Record<string, string | number> {
  const words = riskWords(risk, { today });
  return {
    account_id: risk.accountId,
    account_name: name ?? '',
    risk_level: risk.level,
    p_order_next_90_days: fixed(risk.pActive, 4),
    p_alive: fixed(risk.pAlive, 4),
    orders: risk.orderCount,
    last_order: risk.lastOrderDate ?? '',
    as_of: risk.asOf,
    days_since_last_order: risk.daysSinceLastOrder ?? '',
    median_gap_days: risk.medianGapDays ?? '',
    expected_orders_next_90_days: fixed(risk.expectedOrdersNext90, 3),
    annual_value: fixed(risk.annualValue, 2),
    value_at_risk: fixed(risk.valueAtRisk, 2),
    currency: risk.currency ?? '',
    model: risk.model,
    explanation: [words.headline, ...words.explanation].join('; '),
  };
}

async function main(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'as-of': { type: 'string' },
      today: { type: 'string' },
      map: { type: 'string', multiple: true },
      kind: { type: 'string' },
      'date-order': { type: 'string' },
      'skip-bad-rows': { type: 'boolean' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!positionals.length) throw new UsageError('no input file');
  // The script is an entry point: it may read the clock (lib never does).
  const today = values.today ?? new Date().toISOString().slice(0, 10);
  if (!ISO.test(today)) throw new UsageError(`--today must be YYYY-MM-DD (got "${today}")`);
  if (values['as-of'] !== undefined && !ISO.test(values['as-of'])) throw new UsageError(`--as-of must be YYYY-MM-DD (got "${values['as-of']}")`);
  const dateOrder = values['date-order'];
  if (dateOrder !== undefined && dateOrder !== 'dmy' && dateOrder !== 'mdy') throw new UsageError(`--date-order must be dmy or mdy (got "${dateOrder}")`);
  const kind = values.kind;
  if (kind !== undefined && !(kind in TARGET_FIELDS)) throw new UsageError(`--kind must be one of ${Object.keys(TARGET_FIELDS).join(', ')} (got "${kind}")`);
  const files = positionals.map((path) => {
    try {
      return { name: basename(path), bytes: new Uint8Array(readFileSync(path)) };
    } catch (error) {
      throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
    }
  });
  const run = await scoreFiles({
    files,
    today,
    ...(values['as-of'] ? { asOf: values['as-of'] } : {}),
    ...(values.map ? { map: values.map } : {}),
    ...(kind ? { kind: kind as ColumnMapping['kind'] } : {}),
    ...(dateOrder ? { dateOrder } : {}),
    ...(values['skip-bad-rows'] ? { skipBadRows: true } : {}),
  });
  for (const line of run.log) console.log(line);
  // One CSV writer (lib/import/csvOut.ts): text cells starting with = + - @ tab or CR get a leading ' (OWASP).
  const csv = objectsToCsv(run.rows, { bom: false, finalNewline: false });
  if (values.out) {
    writeFileSync(values.out, `${csv}\n`);
    console.log(`${run.rows.length} accounts written to ${values.out}`);
  } else console.log(csv);
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`score: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof UsageError) console.error(USAGE);
    process.exitCode = 1;
  });
}
