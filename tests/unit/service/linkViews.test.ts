import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { linkOffers, unplacedOrders } from '../../../lib/service/linkViews';
import type { Account, Order } from '../../../lib/model/records';

const NOW = '2026-01-10T10:00:00.000Z';
const account = (id: string, fields: Partial<Account> = {}): Account => ({ id, name: fields.name ?? id, domains: [], crmIds: [], customerKeys: [], updatedAt: NOW, ...fields });
const order = (id: string, accountId: string, date: string, amount: number): Order => ({ id, accountId, date, amount, currency: 'EUR' });

describe('Link customers view', () => {
  it("lists the orders no page can reach, biggest value at stake first", () => {
    const accounts = [
      account('customer:1', { name: 'Customer 1', customerKeys: ['1'] }),
      account('customer:2', { name: 'Customer 2', customerKeys: ['2'] }),
      account('customer:3', { name: 'Customer 3', customerKeys: ['3'] }),
      account('acme.com', { domains: ['acme.com'] }),
      account('customer:4', { name: 'Customer 4', customerKeys: ['4'] }),
    ];
    const orders = [
      order('a', 'customer:1', '2025-12-01', 100),
      order('b', 'customer:2', '2025-11-01', 900),
      order('c', 'customer:2', '2025-12-01', 100),
      order('d', 'customer:3', '2023-01-01', 5000),
      order('e', 'acme.com', '2025-12-01', 99999),
      order('f', 'customer:4', '2025-12-01', 50),
    ];
    const contacts = [{ email: 'x@gmail.com', name: 'X', crmIds: [], status: 'unknown' as const, updatedAt: NOW, accountId: 'customer:4' }];
    expect(unplacedOrders({ accounts, contacts, orders }, '2026-01-10')).toEqual([
      { accountId: 'customer:3', name: 'Customer 3', customerKeys: ['3'], orders: 1, value: 5000, valueSpan: 'all', currency: 'EUR', lastOrder: '2023-01-01' },
      { accountId: 'customer:2', name: 'Customer 2', customerKeys: ['2'], orders: 2, value: 1000, valueSpan: 'year', currency: 'EUR', lastOrder: '2025-12-01' },
      { accountId: 'customer:1', name: 'Customer 1', customerKeys: ['1'], orders: 1, value: 100, valueSpan: 'year', currency: 'EUR', lastOrder: '2025-12-01' },
    ]);
  });

  it('offers the ambiguous matches with the names of the accounts', () => {
    const accounts = [account('mueller-bau.de', { name: 'Müller GmbH', domains: ['mueller-bau.de'] }), account('mueller-druck.de', { name: 'Müller GmbH', domains: ['mueller-druck.de'] })];
    expect(linkOffers({ accounts, contacts: [] }, [])).toEqual([{ kind: 'same-name', key: 'mueller', accountIds: ['mueller-bau.de', 'mueller-druck.de'], names: ['Müller GmbH', 'Müller GmbH'], reason: { kind: 'same-name', name: 'mueller' } }]);
  });
});

describe('"Not the same customer"', () => {
  it('is remembered: the offer is not made again, other offers stay', async () => {
    const { openKeepAccountDb } = await import('../../../lib/db/schema');
    const { dismissOffer, loadDismissals } = await import('../../../lib/service/linkDismissals');
    const { offerId } = await import('../../../lib/service/linkViews');
    const accounts = [
      account('acme.com', { name: 'Acme GmbH', domains: ['acme.com'] }),
      account('acme.de', { name: 'Acme GmbH', domains: ['acme.de'] }),
      account('bright.com', { name: 'Bright Foods', domains: ['bright.com'] }),
      account('bright.de', { name: 'Bright Foods', domains: ['bright.de'] }),
    ];
    const before = linkOffers({ accounts, contacts: [] }, []);
    expect(before).toHaveLength(2);
    const db = await openKeepAccountDb({ name: 'link-dismissals' });
    await dismissOffer(db, offerId(before.find((o) => o.accountIds.includes('acme.com'))!));
    const after = linkOffers({ accounts, contacts: [] }, [], await loadDismissals(db));
    expect(after.map((o) => o.accountIds)).toEqual([['bright.com', 'bright.de']]);
    db.close();
  });
});
