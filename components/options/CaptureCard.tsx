// The Data page's card for the remembered conversations (issue 16): how many messages are remembered on this
// computer, the rep's switches (on/off, per site, subject, new companies, retention) and "Forget all". Team policy
// `capture: "off"` wins and is shown as "set by your team". Writes go to the background (saveCaptureSettings,
// forgetAllConversations); the counts are read through the read-only handle.
import { useEffect, useState } from 'preact/hooks';
import type { TeamPolicy } from '../../lib/model/playbook';
import type { CaptureSettings } from '../../lib/model/settings';
import { countRemembered } from '../../lib/db/touches';
import type { RememberedCount } from '../../lib/model/insight';
import { rememberedOnThisComputer } from '../../lib/words/capture';
import { loadCaptureSettings } from '../../lib/service/capture';
import { readTeamPolicy } from '../../lib/service/teamPolicy';
import { count } from '../../lib/words/format';
import { ask, optionsDb } from './backend';
import { ConfirmDialog } from './ConfirmDialog';

const RETENTION = [6, 12, 24, 36, 60];

export function CaptureCard(props: { onChange?(text: string): void }) {
  const [settings, setSettings] = useState<CaptureSettings | null>(null);
  const [remembered, setRemembered] = useState<RememberedCount | null>(null);
  const [policy, setPolicy] = useState<TeamPolicy | undefined>(undefined);
  const [confirm, setConfirm] = useState(false);

  async function reload() {
    const db = await optionsDb();
    setSettings(await loadCaptureSettings(db));
    setRemembered(await countRemembered(db));
    setPolicy(await readTeamPolicy());
  }
  useEffect(() => void reload(), []);

  async function save(change: Partial<CaptureSettings>) {
    if (!settings) return;
    await ask({ type: 'saveCaptureSettings', settings: { ...settings, ...change } });
    await reload();
  }

  const byTeam = policy?.capture === 'off';
  const off = byTeam || !settings?.enabled;
  return (
    <div class="card" data-testid="capture" id="remembered-conversations">
      <h2>Remembered conversations</h2>
      <p class="muted">
        When you open a customer conversation in Gmail or Outlook, Keep Account remembers who wrote to whom and when — on this computer only, never the
        message text or attachments. Messages at your own company, from private addresses of strangers and from no-reply senders are never remembered,
        nor conversations with companies not in your data. It feeds who you know at each account, with no activity export.
      </p>
      <p data-testid="capture-count">
        {remembered === null ? '…' : rememberedOnThisComputer(remembered)}
      </p>
      {settings && (
        <>
          <label style={{ display: 'block', margin: '6px 0' }}>
            <input type="checkbox" checked={!off} disabled={byTeam} onChange={(e) => void save({ enabled: (e.target as HTMLInputElement).checked })} data-testid="capture-enabled" />{' '}
            Remember who wrote to whom in the conversations I open
            {byTeam && <span class="pill" data-testid="capture-team"> set by your team</span>}
          </label>
          <label style={{ display: 'block', margin: '6px 0' }}>
            <input type="checkbox" checked={settings.sites.gmail} disabled={off} onChange={(e) => void save({ sites: { ...settings.sites, gmail: (e.target as HTMLInputElement).checked } })} data-testid="capture-site-gmail" /> in Gmail
          </label>
          <label style={{ display: 'block', margin: '6px 0' }}>
            <input type="checkbox" checked={settings.sites.outlook} disabled={off} onChange={(e) => void save({ sites: { ...settings.sites, outlook: (e.target as HTMLInputElement).checked } })} data-testid="capture-site-outlook" /> in Outlook
          </label>
          <label style={{ display: 'block', margin: '6px 0' }}>
            <input type="checkbox" checked={settings.keepSubject} disabled={off} onChange={(e) => void save({ keepSubject: (e.target as HTMLInputElement).checked })} /> Remember
            subjects too
          </label>
          <label style={{ display: 'block', margin: '6px 0' }}>
            <input type="checkbox" checked={settings.rememberNewCompanies} disabled={off} onChange={(e) => void save({ rememberNewCompanies: (e.target as HTMLInputElement).checked })} />{' '}
            Remember new companies too
          </label>
          <label style={{ display: 'block', margin: '6px 0' }}>
            Forget messages older than{' '}
            <select value={String(settings.retentionMonths)} onChange={(e) => void save({ retentionMonths: Number((e.target as HTMLSelectElement).value) })} data-testid="capture-retention">
              {[...new Set([...RETENTION, settings.retentionMonths])].sort((a, b) => a - b).map((months) => (
                <option key={months} value={String(months)}>{count(months, 'month')}</option>
              ))}
            </select>
          </label>
          <p>
            <button class="danger" type="button" disabled={!remembered?.messages} onClick={() => setConfirm(true)} data-testid="capture-forget-all">
              Forget all remembered conversations
            </button>
          </p>
        </>
      )}
      {/* Rendered only while asked: the Data page's own confirm dialog keeps the page's one `confirm` button. */}
      {confirm && (
      <ConfirmDialog
        open={confirm}
        title="Forget all remembered conversations?"
        text="Everything Keep Account remembered of the conversations you opened is deleted from this computer. Imported data stays."
        confirmLabel="Forget all"
        onCancel={() => setConfirm(false)}
        onConfirm={() => {
          setConfirm(false);
          void ask({ type: 'forgetAllConversations' }).then(async () => {
            await reload();
            props.onChange?.('Every remembered conversation is forgotten.');
          });
        }}
      />
      )}
    </div>
  );
}
