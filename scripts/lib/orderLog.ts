// The command line's own order-log reader (npm run score). Kept out of lib: issue 13 replaces it with lib/import so that
// the CLI and the extension read files the same way.
// Order logs as text → transactions, with errors that name the offending line.
import Papa from 'papaparse';
import { toDayNumber } from '../../lib/model/days';
import type { Transaction } from '../../lib/insights/risk/summary';

export interface OrderLogTransaction extends Transaction {
  date: string;
  amount?: number;
  currency?: string;
}

export class OrderLogError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'OrderLogError';
  }
}

/**
 * CDNOW layout: whitespace-separated `customer_id date(YYYYMMDD) number_of_cds dollar_value`, an optional
 * header line. Format as shipped in lifetimes' datasets (CDNOW_master.txt,
 * https://github.com/CamDavidsonPilon/lifetimes/tree/master/lifetimes/datasets) and described at
 * http://www.brucehardie.com/datasets/ ("CDNOW dataset (master)").
 */
export function parseCdnowLog(text: string): OrderLogTransaction[] {
  const lines = text.split('\n');
  const transactions: OrderLogTransaction[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    const fields = splitOnWhitespace(line);
    if (transactions.length === 0 && !/^\d/.test(fields[0])) continue; // header
    if (fields.length !== 4) throw new OrderLogError(`expected 4 fields (customer_id date number_of_cds dollar_value), got ${fields.length}: "${line}"`, i + 1);
    const [customerId, date, , dollars] = fields;
    checkDate(date, i + 1);
    const amount = Number(dollars);
    if (!Number.isFinite(amount)) throw new OrderLogError(`dollar_value "${dollars}" is not a number`, i + 1);
    transactions.push({ customerId, date, amount });
  }
  if (transactions.length === 0) throw new OrderLogError('no transactions found');
  return transactions;
}

// Faster than line.split(/\s+/) on a 70,000-line log.
function splitOnWhitespace(line: string): string[] {
  const fields: string[] = [];
  let from = -1;
  for (let i = 0; i <= line.length; i++) {
    const code = i < line.length ? line.charCodeAt(i) : 32;
    const blank = code === 32 || code === 9 || code === 13;
    if (blank && from >= 0) {
      fields.push(line.slice(from, i));
      from = -1;
    } else if (!blank && from < 0) from = i;
  }
  return fields;
}

// Header names we recognise, compared lower-cased with everything but letters and digits removed.
const CUSTOMER_COLUMNS = ['customerid', 'customer', 'custid', 'clientid', 'client', 'accountid', 'account', 'id'];
const DATE_COLUMNS = ['date', 'orderdate', 'transactiondate', 'purchasedate', 'invoicedate', 'datetime', 'timestamp'];
const AMOUNT_COLUMNS = ['amount', 'value', 'dollarvalue', 'monetaryvalue', 'total', 'ordertotal', 'revenue', 'sales', 'price'];
const CURRENCY_COLUMNS = ['currency', 'currencycode'];

/** Generic CSV order log with a header naming a customer id, a date and (optionally) an amount column. Parsed with papaparse. */
export function parseGenericLog(text: string): OrderLogTransaction[] {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' });
  const fields = parsed.meta.fields ?? [];
  const pick = (names: string[]) => {
    for (const name of names) {
      const found = fields.find((field) => field.toLowerCase().replace(/[^a-z0-9]/g, '') === name);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const customerColumn = pick(CUSTOMER_COLUMNS);
  const dateColumn = pick(DATE_COLUMNS);
  const amountColumn = pick(AMOUNT_COLUMNS);
  const currencyColumn = pick(CURRENCY_COLUMNS);
  if (customerColumn === undefined || dateColumn === undefined) {
    throw new OrderLogError(`the header needs a customer id column and a date column (found: ${fields.join(', ') || 'nothing'})`, 1);
  }
  const firstError = parsed.errors[0];
  if (firstError) throw new OrderLogError(firstError.message, (firstError.row ?? 0) + 2);
  return parsed.data.map((row, index) => {
    const line = index + 2; // header is line 1
    const customerId = (row[customerColumn] ?? '').trim();
    if (customerId === '') throw new OrderLogError(`empty ${customerColumn}`, line);
    const date = (row[dateColumn] ?? '').trim();
    checkDate(date, line);
    const transaction: OrderLogTransaction = { customerId, date };
    if (amountColumn !== undefined) {
      const raw = (row[amountColumn] ?? '').trim().replace(/,/g, '');
      const amount = Number(raw);
      if (raw === '' || !Number.isFinite(amount)) throw new OrderLogError(`${amountColumn} "${row[amountColumn]}" is not a number`, line);
      transaction.amount = amount;
    }
    const currency = currencyColumn === undefined ? undefined : row[currencyColumn]?.trim();
    if (currency) transaction.currency = currency.toUpperCase();
    return transaction;
  });
}

function checkDate(date: string, line: number) {
  try {
    toDayNumber(date);
  } catch (error) {
    throw new OrderLogError((error as Error).message, line);
  }
}
