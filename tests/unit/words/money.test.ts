import { describe, expect, it } from 'vitest';
import { money, moneyExact } from '../../../lib/words/format';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('money: the currency the orders carry, or none', () => {
  it('with a currency: its symbol, in sentences (two figures) and tables (whole units)', () => {
    expect(money(41_234, 'EUR')).toBe('€41,000');
    expect(moneyExact(123_215, 'USD')).toBe('$123,215');
    expect(moneyExact(123_215.4, 'GBP')).toBe('£123,215');
  });

  it('without one: a plain number in both, never a made-up "€"', () => {
    expect(money(123_215, undefined)).toBe('120,000');
    expect(moneyExact(123_215, undefined)).toBe('123,215');
  });

  it('the options page formats money with the same rule (no default currency)', () => {
    const backend = readFileSync(join(__dirname, '../../../components/options/backend.ts'), 'utf8');
    expect(backend).toContain('moneyExact(amount, currency)');
    expect(backend).not.toMatch(/currency = '[A-Z]{3}'/);
  });
});
