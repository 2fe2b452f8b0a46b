import { describe, expect, it } from 'vitest';
import type { AccountInsight, SidebarState } from '../../../lib/model/insight';
import type { SignalKind } from '../../../lib/model/playbook';
import { tabAlert } from '../../../lib/words/sidebar';

// The collapsed tab's flag comes from typed facts (risk level, signal kinds), never from the headline's words.

const account = (kinds: SignalKind[], level?: 'high' | 'watch' | 'low'): SidebarState => {
  const insight: AccountInsight = {
    account: { id: 'a1', name: 'Northwind Foods' },
    matchedBy: 'email',
    headline: { kind: 'ok', tone: 'good', title: 'anything', reason: 'anything' },
    ...(level ? { risk: { accountId: 'a1', level, horizonDays: 90, asOf: '2026-11-30', orderCount: 9, thinEvidence: false, model: 'bgnbd', scoredAt: '2026-11-30' } } : {}),
    people: { contacts: [], missing: [], notes: [] },
    opportunities: [],
    signals: kinds.map((kind) => ({ kind, strength: 0.5, reason: 'r' })),
    questions: [],
    asked: [],
  };
  return { status: 'account', insight };
};

describe('tabAlert', () => {
  it('flags high risk first, then a champion who moved away, a contact who moved here, a single thread', () => {
    expect(tabAlert(account(['single-threaded', 'champion-left'], 'high'))).toEqual({ kind: 'high-risk', tone: 'danger', label: 'High risk' });
    expect(tabAlert(account(['single-threaded', 'champion-left'], 'watch'))).toMatchObject({ kind: 'champion-moved', label: 'Champion moved' });
    expect(tabAlert(account(['contact-moved-here', 'single-threaded']))).toMatchObject({ kind: 'contact-moved', label: 'Contact moved' });
    expect(tabAlert(account(['single-threaded'], 'low'))).toEqual({ kind: 'single-threaded', tone: 'warning', label: 'Single-threaded' });
  });
  it('says nothing when nothing matters, or there is no account', () => {
    expect(tabAlert(account(['expansion-gap', 'check-in'], 'low'))).toBeUndefined();
    expect(tabAlert({ status: 'no-data' })).toBeUndefined();
    expect(tabAlert(undefined)).toBeUndefined();
    expect(tabAlert({ status: 'no-match', people: [], questions: [], lead: { title: 't', reason: 'r' } })).toMatchObject({ kind: 'contact-moved', tone: 'info' });
  });
});
