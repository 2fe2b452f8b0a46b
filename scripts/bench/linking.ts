// Linking one account per customer, the decision alone in Node (lib/import/link.ts over the book of
// scripts/bench/linkingBook.ts); the whole relink in a real IndexedDB is scripts/bench/linking-browser.ts.
import type { Figure } from '../bench';
import { resolveAccounts } from '../../lib/import/link';
import { linkingBook } from './linkingBook';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

export async function bench(): Promise<Figure[]> {
  const { accounts, stubs, contacts } = linkingBook(0);
  const book = [...accounts, ...stubs];
  const runs: number[] = [];
  let merges = 0;
  for (let run = 0; run < 7; run++) {
    const started = performance.now();
    merges = resolveAccounts(book, contacts).moves.size;
    runs.push(performance.now() - started);
  }
  return [{ name: `Node: decide, ${book.length.toLocaleString('en')} accounts + ${contacts.length.toLocaleString('en')} contacts → ${merges} merges, median of 7`, value: median(runs), unit: 'ms' }];
}
