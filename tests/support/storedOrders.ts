import type { Page } from '@playwright/test';
import { resolveAliases } from '../../lib/db/orders';
import type { OrderBucket } from '../../lib/db/schema';

export interface StoredOrder {
  id: string;
  date: string;
  amount: number;
  quantity?: number;
  currency?: string;
  product?: string;
  accountId: string;
}

/**
 * Every stored order as the book sees it: read out of the order buckets (lib/db/orders.ts) in an extension page (same
 * origin), with the links' order aliases (the "aliases" record of the same store) resolved by the extension's own code.
 */
export async function storedOrders(page: Page): Promise<StoredOrder[]> {
  const records = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const request = indexedDB.open('keep-account');
      request.onsuccess = () => ok(request.result);
      request.onerror = () => fail(request.error);
    });
    try {
      return await new Promise<{ id: string; orders?: StoredOrder[]; into?: [string, string][] }[]>((ok, fail) => {
        const request = db.transaction('orderBuckets').objectStore('orderBuckets').getAll();
        request.onsuccess = () => ok(request.result);
        request.onerror = () => fail(request.error);
      });
    } finally {
      db.close();
    }
  });
  const buckets = records.filter((r) => r.orders) as unknown as OrderBucket[];
  const into = new Map(records.find((r) => r.id === 'aliases')?.into ?? []);
  return resolveAliases(buckets, into) as StoredOrder[];
}
