// What an account buys.
import { format, parseISO, subDays } from 'date-fns';
import type { Order } from '../model/records';

/** The product the account spends most on in the 365 days up to `today` (yyyy-mm-dd). */
export function topProduct(orders: readonly Order[], today: string): string | undefined {
  const since = format(subDays(parseISO(today), 365), 'yyyy-MM-dd');
  const spend = new Map<string, number>();
  for (const order of orders) if (order.product && order.date >= since) spend.set(order.product, (spend.get(order.product) ?? 0) + order.amount);
  let best: string | undefined;
  for (const [product, amount] of spend) if (!best || amount > (spend.get(best) ?? 0)) best = product;
  return best;
}
