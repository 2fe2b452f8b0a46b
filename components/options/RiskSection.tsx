import { useEffect, useMemo, useState } from 'preact/hooks';
import type { LapseRisk, RiskLevel } from '../../lib/model/insight';
import { allAccounts } from '../../lib/db/accounts';
import { ask, formatMoney, optionsDb } from './backend';
import { riskWords } from '../../lib/words/risk';
import { Name } from '../shared/Name';

interface Row {
  risk: LapseRisk;
  name: string;
  domain?: string;
}

const LEVEL_LABEL: Record<RiskLevel, string> = { high: 'High', watch: 'Watch', low: 'Low', unknown: 'Thin evidence' };

/** "The list of customers the business cannot afford to lose": accounts ranked by value at risk. */
export function RiskSection() {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [level, setLevel] = useState<'all' | RiskLevel>('all');
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function load() {
    const db = await optionsDb();
    const [scores, accounts] = await Promise.all([db.getAll('scores'), allAccounts(db)]);
    const byId = new Map(accounts.map((a) => [a.id, a]));
    setRows(
      scores
        .map((risk) => ({ risk, name: byId.get(risk.accountId)?.name ?? risk.accountId, domain: byId.get(risk.accountId)?.domains[0] }))
        .sort((a, b) => (b.risk.valueAtRisk ?? 0) - (a.risk.valueAtRisk ?? 0)),
    );
  }
  useEffect(() => void load(), []);

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (rows ?? []).filter((r) => (level === 'all' || r.risk.level === level) && (!q || r.name.toLowerCase().includes(q) || r.domain?.includes(q)));
  }, [rows, level, query]);

  return (
    <>
      <h1>Customers at risk</h1>
      <p class="lede">Accounts ranked by the value at stake if they have quietly stopped buying, with the reason in words.</p>
      {error && <div class="notice error">{error}</div>}
      <div class="card">
        <div class="row" style={{ marginBottom: 10 }}>
          <input type="search" placeholder="Filter by name or domain" value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} aria-label="Filter accounts" />
          <select value={level} onChange={(e) => setLevel((e.target as HTMLSelectElement).value as typeof level)} aria-label="Risk level">
            <option value="all">All levels</option>
            <option value="high">High risk</option>
            <option value="watch">Watch</option>
            <option value="low">Low risk</option>
            <option value="unknown">Thin evidence</option>
          </select>
          <span class="grow" />
          <button type="button" disabled={busy} onClick={async () => {
            setBusy(true);
            setError(null);
            try {
              await ask({ type: 'rescore' });
              await load();
            } catch (e) {
              setError(`Scoring failed: ${e instanceof Error ? e.message : String(e)}`);
            } finally {
              setBusy(false);
            }
          }}>{busy ? 'Scoring…' : 'Score again now'}</button>
        </div>
        {rows === null ? (
          <p class="muted">Loading…</p>
        ) : rows.length === 0 ? (
          <div class="empty">No scores yet. <a href="#import">Import an order log</a> and every account is scored automatically.</div>
        ) : (
          <table data-testid="risk-table">
            <thead>
              <tr><th>Account</th><th>Risk</th><th class="num">Value at risk</th><th>Why</th></tr>
            </thead>
            <tbody>
              {shown.slice(0, 200).map(({ risk, name, domain }) => (
                <tr key={risk.accountId}>
                  <td><strong><Name text={name} /></strong><div class="muted small"><Name text={domain} /></div></td>
                  <td><span class={`pill ${risk.level}`}>{LEVEL_LABEL[risk.level]}</span></td>
                  <td class="num">{formatMoney(risk.valueAtRisk, risk.currency)}</td>
                  <td class="small">{riskWords(risk).explanation.slice(0, 2).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {shown.length > 200 && <p class="muted small">Showing the first 200 of {shown.length}; filter to narrow down.</p>}
      </div>
    </>
  );
}
