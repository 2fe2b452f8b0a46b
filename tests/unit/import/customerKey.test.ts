import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../lib/import';
import { NOW } from './fixtures';

// Issue 17: an order line without a customer said "Customer and Customer Email are all empty" (two columns).

const parse = (text: string) => parseImportFile(new Blob([text]), { fileName: 'orders.csv', now: NOW });

describe('an order line without a customer key names the empty columns in plain English', () => {
  it('two columns: "are both empty"', async () => {
    const p = await parse('Order Date,Customer,Customer Email,Amount\n2024-01-05,Acme Foods,buyer@acme.com,10\n2024-01-06,,,12\n');
    expect(p.rejected.map((r) => r.reason)).toEqual(['row 3: no customer key (Customer and Customer Email are both empty)']);
  });
  it('three or more: "are all empty"', async () => {
    const p = await parse('Order Date,Customer ID,Customer Domain,Customer Name,Amount\n2024-01-05,C1,acme.com,Acme,10\n2024-01-06,,,,12\n');
    expect(p.rejected.map((r) => r.reason)).toEqual(['row 3: no customer key (Customer ID, Customer Domain and Customer Name are all empty)']);
  });
});
