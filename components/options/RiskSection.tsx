import { useEffect, useMemo, useState } from 'preact/hooks';
import type { LapseRisk, RiskLevel } from '../../lib/model/insight';
import { allAccounts } from '../../lib/db/accounts';
import { ask, formatMoney, optionsDb, readSettings } from './backend';
import { dataAge, riskWords, staleDataNotice, trackRecordText } from '../../lib/words/risk';
import { RiskModel } from '../../lib/model/insight';
import { getMeta } from '../../lib/db/repo';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/model/settings';
import { todayIso } from '../clock';
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
  const [model, setModel] = useState<RiskModel | undefined>();
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const today = todayIso();

  async function load() {
    const db = await optionsDb();
    const [scores, accounts, storedModel, stored] = await Promise.all([db.getAll('scores'), allAccounts(db), getMeta<unknown>(db, 'riskModel'), readSettings()]);
    const parsedModel = RiskModel.safeParse(storedModel);
    setModel(parsedModel.success ? parsedModel.data : undefined);
    setSettings(stored);
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

  // The oldest order data behind any score: called out when it is older than the setting allows.
  const oldestAsOf = (rows ?? []).reduce<string | undefined>((oldest, r) => (!oldest || r.risk.asOf < oldest ? r.risk.asOf : oldest), undefined);
  const context = { today, staleAfterDays: settings.staleAfterDays };
  const stale = oldestAsOf && dataAge(oldestAsOf, context).stale;

  async function saveStaleDays(value: number) {
    if (!Number.isInteger(value) || value < 1 || value > 365) {
      setError('Enter a whole number of days from 1 to 365.');
      return;
    }
    setError(null);
    try {
      await ask({ type: 'saveSettings', settings: { ...settings, staleAfterDays: value } });
      setSettings({ ...settings, staleAfterDays: value });
    } catch (e) {
      setError(`The setting was not saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return (
    <>
      <h1>Customers at risk</h1>
      <p class="lede">Accounts ranked by the value at stake if they have quietly stopped buying, with the reason in words.</p>
      {error && <div class="notice error">{error}</div>}
      {stale && <div class="notice warn" role="status" data-testid="stale-orders">{staleDataNotice(oldestAsOf, context)}</div>}
      {model && <p class="small" data-testid="track-record">{trackRecordText(model, today)}</p>}
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
                  <td class="small">{riskWords(risk, context).reasons.slice(0, 2).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {shown.length > 200 && <p class="muted small">Showing the first 200 of {shown.length}; filter to narrow down.</p>}
      </div>
      <div class="card">
        <label class="row" style={{ gap: 8 }}>
          <span>Call order data stale after</span>
          <input
            type="number"
            min={1}
            max={365}
            style={{ width: '5em' }}
            value={settings.staleAfterDays}
            aria-label="Days after which order data is called stale"
            data-testid="stale-days"
            onChange={(e) => void saveStaleDays(Number((e.target as HTMLInputElement).value))}
          />
          <span>days</span>
        </label>
        <p class="muted small">Lapse risk is measured up to the day your order export is complete to, never to today. Older data than this is called out in the sidebar and here.</p>
      </div>
    </>
  );
}
