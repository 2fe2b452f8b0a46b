import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ImportRecord } from '../../lib/model/records';
import type { StoredAccount } from '../../lib/db/schema';
import { countRecords, listImports, type DataCounts } from '../../lib/db/repo';
import { allAccounts } from '../../lib/db/accounts';
import { exportBackup, type RestoreResult } from '../../lib/service/backup';
import { MAX_MESSAGE_BYTES, messageBytes } from '../../lib/messaging/size';
import { normalizeCompanyName } from '../../lib/model/identity';
import { ask, formatNumber, optionsDb } from './backend';
import { downloadText } from './download';
import { ConfirmDialog } from './ConfirmDialog';
import { CaptureCard } from './CaptureCard';
import { now, todayIso } from '../clock';
import { count } from '../../lib/words/format';
import { Name } from '../shared/Name';
import { namesWithHiddenCharacters, type HiddenName } from '../../lib/service/hiddenNames';

const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const tooLarge = (bytes: number) =>
  `the backup is ${megabytes(bytes)} as a message to the extension's background, and the browser passes at most ${megabytes(MAX_MESSAGE_BYTES)} in one message`;

type Confirm = { kind: 'account'; account: StoredAccount } | { kind: 'all' } | null;

export function DataSection() {
  const [counts, setCounts] = useState<DataCounts | null>(null);
  const [imports, setImports] = useState<ImportRecord[]>([]);
  const [accounts, setAccounts] = useState<StoredAccount[]>([]);
  const [query, setQuery] = useState('');
  const [storage, setStorage] = useState<{ usage?: number; quota?: number; persisted?: boolean }>({});
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [hidden, setHidden] = useState<{ names: HiddenName[]; total: number }>({ names: [], total: 0 });

  async function reload() {
    const db = await optionsDb();
    setCounts(await countRecords(db));
    setImports(await listImports(db));
    setAccounts(await allAccounts(db));
    setHidden(await namesWithHiddenCharacters(db));
    const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
    const persisted = await navigator.storage?.persisted?.().catch(() => undefined);
    setStorage({ usage: estimate?.usage, quota: estimate?.quota, persisted });
  }
  useEffect(() => void reload(), []);

  const matches = useMemo(() => {
    const q = normalizeCompanyName(query);
    if (!q) return [];
    return accounts.filter((a) => a.nameKey.includes(q) || a.domains.some((d) => d.includes(query.trim().toLowerCase()))).slice(0, 20);
  }, [accounts, query]);

  const lastBySource = useMemo(() => {
    const seen = new Map<string, ImportRecord>();
    for (const record of imports) if (!seen.has(record.source)) seen.set(record.source, record);
    return [...seen.values()];
  }, [imports]);

  async function run(action: () => Promise<string>) {
    try {
      setNotice({ tone: 'ok', text: await action() });
    } catch (error) {
      setNotice({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
    }
    await reload();
  }

  async function onRestore(file: File) {
    await run(async () => {
      const notRestored = (why: string) => new Error(`This backup was not restored, nothing changed: ${why}`);
      // The background restores it (it owns the database), so the file travels as one message; Chrome caps those.
      if (file.size > MAX_MESSAGE_BYTES) throw notRestored(`${tooLarge(file.size)}.`);
      const message = { type: 'restoreBackup', text: await file.text() } as const;
      const bytes = messageBytes(message);
      if (bytes > MAX_MESSAGE_BYTES) throw notRestored(`${tooLarge(bytes)}.`);
      // The background validates the whole file first, replaces everything in one transaction, then rescores.
      const result = await ask<RestoreResult>(message);
      if (!result.ok) throw notRestored(result.error);
      return `Restored ${count(result.counts.accounts ?? 0, 'account')} and ${count(result.counts.orders ?? 0, 'order')} from ${file.name}.`;
    });
  }

  return (
    <>
      <h1>Your data</h1>
      <p class="lede">What Keep Account knows, where it came from, and how to back it up or remove it.</p>
      {notice && <div class={`notice ${notice.tone}`} role="status">{notice.text}</div>}
      <div class="stats" data-testid="counts">
        {(
          [
            ['Accounts', counts?.accounts],
            ['Contacts', counts?.contacts],
            ['Order lines', counts?.orders],
            ['Email & meeting touches', counts?.activities],
          ] as const
        ).map(([label, value]) => (
          <div class="stat" key={label}>
            <div class="value">{value === undefined ? '…' : formatNumber(value)}</div>
            <div class="label">{label}</div>
          </div>
        ))}
      </div>
      <CaptureCard onChange={(text) => setNotice({ tone: 'ok', text })} />
      <div class="card" style={{ marginTop: 16 }}>
        <h2>Last import per source</h2>
        {lastBySource.length === 0 ? (
          <p class="muted">Nothing imported yet. <a href="#import">Import your exports</a>.</p>
        ) : (
          <table>
            <thead>
              <tr><th>Source</th><th>File</th><th class="num">Rows imported</th><th class="num">Rejected</th><th>When</th></tr>
            </thead>
            <tbody>
              {lastBySource.map((r) => (
                <tr key={r.id}>
                  <td>{r.source}</td>
                  <td><Name text={r.fileName} visible /></td>
                  <td class="num">{formatNumber(r.rowsImported)}</td>
                  <td class="num">{formatNumber(r.rowsRejected)}</td>
                  <td>{new Date(r.importedAt).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {hidden.total > 0 && (
        <div class="card" data-testid="hidden-characters">
          <h2>Names with hidden characters</h2>
          <p class="muted">
            {formatNumber(hidden.total)} imported {hidden.total === 1 ? 'name holds' : 'names hold'} characters you cannot see — text-direction overrides, zero-width
            characters or control codes — shown here as ⟨U+…⟩. Elsewhere they are kept from reordering the text around them; fix them in the system
            they came from.
          </p>
          <table>
            <thead>
              <tr><th>Record</th><th>Field</th><th>As stored</th></tr>
            </thead>
            <tbody>
              {hidden.names.map((h) => (
                <tr key={`${h.kind}/${h.id}/${h.field}`}>
                  <td>{h.kind === 'account' ? 'Account' : 'Contact'} <span class="muted small"><Name text={h.id} visible /></span></td>
                  <td>{h.field}</td>
                  <td><code><Name text={h.text} visible /></code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="card">
        <h2>Find an account</h2>
        <input type="search" placeholder="Company name or domain" value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} aria-label="Search accounts" style={{ width: '100%' }} />
        {query && (
          <table style={{ marginTop: 8 }}>
            <tbody>
              {matches.length === 0 && <tr><td class="muted">No account matches “{query}”.</td></tr>}
              {matches.map((a) => (
                <tr key={a.id}>
                  <td><strong><Name text={a.name} visible /></strong><div class="muted small"><Name text={a.domains.join(', ') || a.id} visible /></div></td>
                  <td><Name text={a.industry} visible /></td>
                  <td class="num"><button type="button" class="danger" onClick={() => setConfirm({ kind: 'account', account: a })}>Delete</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div class="card">
        <h2>Backup and restore</h2>
        <p class="muted">One JSON file with everything: accounts, contacts, orders, playbooks and question history.</p>
        <div class="row">
          <button type="button" onClick={() => run(async () => {
            const text = await exportBackup(await optionsDb(), now());
            downloadText(`keep-account-backup-${todayIso()}.json`, text, 'application/json');
            const bytes = messageBytes({ type: 'restoreBackup', text });
            return bytes > MAX_MESSAGE_BYTES ? `Backup saved to your downloads. Note: ${tooLarge(bytes)}, so this file cannot be restored here.` : 'Backup saved to your downloads.';
          })}>Download backup</button>
          <label class="button">
            Restore from a backup…
            <input type="file" accept="application/json,.json" hidden onChange={(e) => {
              const file = (e.target as HTMLInputElement).files?.[0];
              if (file) void onRestore(file);
              (e.target as HTMLInputElement).value = '';
            }} />
          </label>
        </div>
      </div>
      <div class="card">
        <h2>Storage</h2>
        <p class="muted">
          {storage.usage !== undefined && storage.quota ? `${(storage.usage / 1e6).toFixed(1)} MB used of ${(storage.quota / 1e9).toFixed(1)} GB available. ` : ''}
          {storage.persisted ? 'Storage is persistent: the browser will not clear it under pressure.' : 'The browser may clear this data when disk space runs low.'}
        </p>
        <div class="row">
          {!storage.persisted && <button type="button" onClick={() => run(async () => ((await navigator.storage.persist()) ? 'Storage is now persistent.' : 'The browser declined persistent storage.'))}>Keep data persistent</button>}
          <span class="grow" />
          <button type="button" class="danger" onClick={() => setConfirm({ kind: 'all' })} data-testid="delete-all">Delete everything…</button>
        </div>
      </div>
      <ConfirmDialog
        open={confirm !== null}
        title={confirm?.kind === 'account' ? `Delete ${confirm.account.name}?` : 'Delete all Keep Account data?'}
        text={confirm?.kind === 'account' ? 'Its contacts, orders, email touches, score and question history are removed from this browser.' : 'Every account, contact, order, playbook change and question history in this browser is removed. Download a backup first if you may need it.'}
        confirmLabel={confirm?.kind === 'account' ? 'Delete account' : 'Delete everything'}
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          const current = confirm;
          setConfirm(null);
          if (current?.kind === 'account') void run(async () => { await ask({ type: 'deleteAccount', accountId: current.account.id }); return `${current.account.name} was deleted.`; });
          if (current?.kind === 'all') void run(async () => { await ask({ type: 'deleteAll', confirm: 'delete everything' }); return 'All data was deleted.'; });
        }}
      />
    </>
  );
}
