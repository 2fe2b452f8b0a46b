import { useMemo, useState } from 'preact/hooks';
import { searchAccounts, singleThreadedAccounts, type SingleThreadedSort } from '../../lib/service/accountViews';
import { formatMoney, formatNumber } from './backend';
import { RiskPill, accountHref, useBook } from './AccountsSection';
import { todayIso } from '../clock';
import { noun } from '../../lib/words/format';
import { Name } from '../shared/Name';

/** The list a manager reviews: every account whose relationship hangs on one person, most valuable first. */
export function SingleThreadedSection() {
  const { book, error } = useBook();
  const [sort, setSort] = useState<SingleThreadedSort>('annual-value');
  const [query, setQuery] = useState('');
  const rows = useMemo(() => (book ? singleThreadedAccounts(book, { today: todayIso(), sort }) : null), [book, sort]);
  const shown = useMemo(() => {
    if (!rows) return [];
    const ids = new Set(searchAccounts(rows.map((r) => ({ id: r.accountId, name: `${r.name} ${r.person.name}`, ...(r.domain ? { domain: r.domain } : {}) })), query).map((c) => c.id));
    return rows.filter((r) => ids.has(r.accountId));
  }, [rows, query]);
  const currency = rows?.find((r) => r.currency)?.currency;
  const total = (pick: (r: NonNullable<typeof rows>[number]) => number | undefined) => (rows ?? []).reduce((sum, r) => sum + (pick(r) ?? 0), 0);

  return (
    <div class="account-views">
      <h1>Single-threaded accounts</h1>
      <p class="lede">Customers whose relationship hangs on one person: if they leave, are away or prefer another supplier, nobody else there knows you. Most valuable first.</p>
      {error && <div class="notice error">{error}</div>}
      {rows === null && !error ? (
        <div class="card"><p class="muted">Loading…</p></div>
      ) : rows && rows.length === 0 ? (
        <div class="card empty">
          No single-threaded accounts. {book?.activities.length ? 'Every account with email or meeting history has more than one person in touch.' : <><a href="#import">Import an activity log</a> (emails, calls, meetings) to see who you talk to at each account.</>}
        </div>
      ) : rows ? (
        <>
          <div class="stats" data-testid="single-threaded-stats">
            <div class="stat"><div class="value">{formatNumber(rows.length)}</div><div class="label">{noun(rows.length, 'account on one person', 'accounts on one person')}</div></div>
            <div class="stat"><div class="value">{formatMoney(total((r) => r.annualValue), currency)}</div><div class="label">annual value hanging on them</div></div>
            <div class="stat"><div class="value">{formatMoney(total((r) => r.valueAtRisk), currency)}</div><div class="label">value at risk among them</div></div>
            <div class="stat"><div class="value">{formatNumber(rows.filter((r) => r.level === 'high' || r.level === 'watch').length)}</div><div class="label">also slowing down (high / watch)</div></div>
          </div>
          <div class="card" style={{ marginTop: 16 }}>
            <div class="row" style={{ marginBottom: 10 }}>
              <input type="search" placeholder="Filter by account or person" value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} aria-label="Filter single-threaded accounts" />
              <label class="row small muted" style={{ gap: 6 }}>
                Rank by
                <select value={sort} onChange={(e) => setSort((e.target as HTMLSelectElement).value as SingleThreadedSort)} aria-label="Rank by" data-testid="single-threaded-sort">
                  <option value="annual-value">Annual value</option>
                  <option value="value-at-risk">Value at risk</option>
                </select>
              </label>
            </div>
            <table data-testid="single-threaded-table">
              <caption class="visually-hidden">Single-threaded accounts ranked by {sort === 'annual-value' ? 'annual value' : 'value at risk'}</caption>
              <thead>
                <tr>
                  <th scope="col">Account</th>
                  <th scope="col">The one person</th>
                  <th scope="col">Why it is single-threaded</th>
                  <th scope="col" class="num" aria-sort={sort === 'annual-value' ? 'descending' : undefined}>Annual value</th>
                  <th scope="col" class="num" aria-sort={sort === 'value-at-risk' ? 'descending' : undefined}>Value at risk</th>
                  <th scope="col">Risk</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.accountId} data-account-id={r.accountId}>
                    <td><a href={accountHref(r.accountId)}><strong><Name text={r.name} /></strong></a><div class="muted small"><Name text={r.domain} /></div></td>
                    <td><Name text={r.person.name} /><div class="muted small"><Name text={r.person.title ?? r.person.email} /></div></td>
                    <td>
                      <div class="reason">{r.reason}</div>
                      {r.alsoMissing.length > 0 && <div class="muted small">Also: {r.alsoMissing.join('; ')}</div>}
                    </td>
                    <td class="num">{formatMoney(r.annualValue, r.currency)}</td>
                    <td class="num">{formatMoney(r.valueAtRisk, r.currency)}</td>
                    <td><RiskPill level={r.level} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
            {shown.length === 0 && <p class="muted empty">No single-threaded account matches “{query.trim()}”.</p>}
            <p class="muted small">“This year” is the last 365 days of emails, calls and meetings in your data. An account counts when one person had at least 85% of at least 5 touches.</p>
          </div>
        </>
      ) : null}
    </div>
  );
}
