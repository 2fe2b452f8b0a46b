// The CDNOW reference log (../shared/data/cdnow) as transactions, for the model tests, `npm run validate` and the
// benchmarks. A reader of one research data set, not a user path: users' files go through lib/import (issue 13).
// Layout: whitespace-separated `customer_id date(YYYYMMDD) number_of_cds dollar_value`, an optional header line, as
// shipped in lifetimes' datasets (CDNOW_master.txt, https://github.com/CamDavidsonPilon/lifetimes/tree/master/lifetimes/datasets)
// and described at http://www.brucehardie.com/datasets/ ("CDNOW dataset (master)").

export interface CdnowTransaction {
  customerId: string;
  /** YYYYMMDD */
  date: string;
  amount: number;
}

export function parseCdnowLog(text: string): CdnowTransaction[] {
  const transactions: CdnowTransaction[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const fields = lines[i].trim().split(/\s+/);
    if (fields.length === 1 && fields[0] === '') continue;
    if (transactions.length === 0 && !/^\d/.test(fields[0])) continue; // header
    if (fields.length !== 4 || !/^\d{8}$/.test(fields[1])) throw new Error(`CDNOW line ${i + 1}: expected customer_id YYYYMMDD cds dollars, got "${lines[i]}"`);
    transactions.push({ customerId: fields[0], date: fields[1], amount: Number(fields[3]) });
  }
  return transactions;
}
