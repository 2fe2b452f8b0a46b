// The shared CDNOW files (see /work/shared/README.md), read in place, never copied into the repo.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const cdnowDir = resolve(import.meta.dirname, '../../../../shared/data/cdnow');

/** cdnow_customers_summary.csv: `ID,frequency,recency,T` (weeks) for the 2,357-customer sample. */
export function loadCdnowSample(): { frequency: number; recency: number; T: number }[] {
  return readFileSync(resolve(cdnowDir, 'cdnow_customers_summary.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [, frequency, recency, T] = line.split(',').map(Number);
      return { frequency, recency, T };
    });
}
