import type { Page } from '@playwright/test';

export interface StoredOrder {
  id: string;
  date: string;
  amount: number;
  quantity?: number;
  currency?: string;
  product?: string;
  accountId: string;
}

/** Every stored order, read out of the order buckets (lib/db/orders.ts) in an extension page (same origin). */
export async function storedOrders(page: Page): Promise<StoredOrder[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const request = indexedDB.open('keep-account');
      request.onsuccess = () => ok(request.result);
      request.onerror = () => fail(request.error);
    });
    try {
      return await new Promise<StoredOrder[]>((ok, fail) => {
        const request = db.transaction('orderBuckets').objectStore('orderBuckets').getAll();
        request.onsuccess = () => ok((request.result as { orders: StoredOrder[] }[]).flatMap((b) => b.orders));
        request.onerror = () => fail(request.error);
      });
    } finally {
      db.close();
    }
  });
}
