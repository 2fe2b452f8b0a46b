import type { Db } from '../db/schema';
import { saveScores } from '../db/repo';
import { allOrders } from '../db/orders';
import { allAccounts } from '../db/accounts';
import { fromStoredAccount, fromStoredContact } from '../db/repo';
import { championMoves } from '../insights/people/moves';
import { accountPurchaseDays, scoreBook, toDayNumber } from '../insights/risk';
import { accountFeeds, orderFeeds } from '../db/feeds';
import { peerProfile } from '../insights/expansion';
import { relinkAccounts, type LinkSummary } from '../db/linking';
import { allTouches } from '../db/touches';
import { mergeActivities } from '../insights/people/touches';
import { applyRetention } from './capture';
import { dataVersion, SCORED_VERSION_KEY } from '../db/pending';

/**
 * Fits the lapse-risk model over every account and recomputes the peer profile, then stores both. Runs in the
 * background service worker (itself off every page's main thread) after each import and once a day, so that
 * "days since last order" stays true without a new import. The sidebar only reads the stored results.
 */
export async function rescoreAll(db: Db, now: Date): Promise<{ accounts: number; scored: number; ms: number }> {
  const started = performance.now();
  const today = now.toISOString().slice(0, 10);
  // Remembered conversations past the retention limit are forgotten first (issue 16).
  await applyRetention(db, today);
  // Read before the data: a change committed meanwhile leaves the scores one version behind, and is scored again.
  const version = await dataVersion(db);
  const [orders, storedAccounts, contacts, imported, feeds, touches] = await Promise.all([
    allOrders(db), allAccounts(db), db.getAll('contacts'), db.getAll('activities'), orderFeeds(db), allTouches(db),
  ]);
  // allOrders resolves the links' order aliases (lib/db/orders.ts): an absorbed account's lines count for its survivor.
  // Imported activity and remembered touches, each email counted once.
  const activities = mergeActivities(imported, touches);
  const accounts = storedAccounts.map(fromStoredAccount);
  // Every account is scored as of the day its order data is complete to (its source's as-of date), not today; and each
  // order source is its own population: an unrelated import never moves another source's probabilities. One pass.
  const { asOf, feedOf } = accountFeeds(orders, feeds);
  // The orders go straight into the model's typed arrays (PurchaseDaysBuilder), no copy of them made.
  const { scores, model } = scoreBook(accountPurchaseDays([orders], toDayNumber(today)), {
    today,
    asOf: (id) => asOf.get(id),
    segmentOf: (id) => feedOf.get(id) ?? 'unfed',
  });
  const profile = peerProfile(accounts, orders, { today });
  // Champion moves need the whole book (a person's old and new addresses sit at different accounts).
  const moves = championMoves(accounts, contacts.map(fromStoredContact), activities, { today, orders });
  await saveScores(db, scores.toArray(), [
    { key: 'peerProfile', value: profile },
    { key: 'championMoves', value: moves },
    { key: 'riskModel', value: model },
    { key: 'scoredAt', value: now.toISOString() },
    { key: SCORED_VERSION_KEY, value: version },
  ]);
  return { accounts: accounts.length, scored: scores.length, ms: Math.round(performance.now() - started) };
}

/**
 * After every import and restore: the book is linked first (one account per customer, lib/db/linking.ts), then
 * scored, so that the scores are those of the linked accounts.
 */
export async function linkAndRescore(db: Db, now: Date): Promise<{ accounts: number; scored: number; ms: number; linked: LinkSummary }> {
  const linked = await relinkAccounts(db);
  return { ...(await rescoreAll(db, now)), linked };
}
