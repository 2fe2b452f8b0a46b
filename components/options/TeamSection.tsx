import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { TeamPolicy } from '../../lib/model/playbook';
import { readTeamPolicy } from '../../lib/service/teamPolicy';
import { listSelfHostedCrms, type SelfHostedCrm } from '../../lib/service/selfHosted';
import { ask } from './backend';
import { Names } from '../shared/Name';

const EXAMPLE_POLICY = `{
  "3rdparty": { "extensions": { "<extension id>": {
    "lockedPlaybooks": ["competitive-defense", "reach-decision-makers"],
    "disabledPlaybooks": ["new-contact-onboarding"]
  } } }
}`;

export function TeamSection() {
  const [policy, setPolicy] = useState<TeamPolicy | undefined | null>(null);
  const [crms, setCrms] = useState<SelfHostedCrm[]>([]);
  const [origin, setOrigin] = useState('');
  const [crm, setCrm] = useState<SelfHostedCrm['crm']>('odoo');
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [shortcut, setShortcut] = useState<string>('');

  useEffect(() => {
    void readTeamPolicy().then(setPolicy);
    void listSelfHostedCrms().then(setCrms);
    void browser.commands.getAll().then((all) => setShortcut(all.find((c) => c.name === 'toggle-sidebar')?.shortcut || 'not set'));
  }, []);

  async function addCrm(event: Event) {
    event.preventDefault();
    setNotice(null);
    let url: URL;
    try {
      url = new URL(origin.trim());
      if (url.protocol !== 'https:') throw new Error();
    } catch {
      setNotice({ tone: 'error', text: 'Enter the CRM address as https://crm.yourcompany.com' });
      return;
    }
    // The permission prompt must come straight from the click.
    const granted = await browser.permissions.request({ origins: [`${url.origin}/*`] });
    if (!granted) {
      setNotice({ tone: 'error', text: `Access to ${url.origin} was not granted, so Keep Account cannot show its sidebar there.` });
      return;
    }
    try {
      setCrms(await ask<SelfHostedCrm[]>({ type: 'addSelfHostedCrm', origin: url.origin, crm }));
      setNotice({ tone: 'ok', text: `The sidebar will now appear on ${url.origin}. Reload open tabs of it.` });
      setOrigin('');
    } catch (error) {
      setNotice({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <>
      <h1>Team settings</h1>
      <p class="lede">Policy from your administrator, self-hosted CRMs and the keyboard shortcut.</p>
      {notice && <div class={`notice ${notice.tone}`} role="status">{notice.text}</div>}
      <div class="card" data-testid="policy">
        <h2>Team policy</h2>
        {policy === null ? (
          <p class="muted">Reading policy…</p>
        ) : policy ? (
          <>
            <p>Your team manages some playbooks. Playbooks marked <span class="pill team">set by your team</span> cannot be changed here.</p>
            <ul>
              {policy.lockedPlaybooks?.length ? <li>Always on: {policy.lockedPlaybooks.join(', ')}</li> : null}
              {policy.enabledPlaybooks?.length ? <li>Turned on: {policy.enabledPlaybooks.join(', ')}</li> : null}
              {policy.disabledPlaybooks?.length ? <li>Turned off: {policy.disabledPlaybooks.join(', ')}</li> : null}
              {policy.customPlaybooks?.length ? <li>Team playbooks: <Names texts={[policy.customPlaybooks.map((p) => p.name)]} /></li> : null}
            </ul>
          </>
        ) : (
          <>
            <p class="muted">No team policy is set. An administrator can push playbooks to every rep through Chrome enterprise policy for this extension, for example:</p>
            <pre class="small" style={{ background: 'var(--soft)', padding: 12, borderRadius: 8, overflowX: 'auto' }}>{EXAMPLE_POLICY}</pre>
          </>
        )}
      </div>
      <div class="card">
        <h2>Self-hosted CRM</h2>
        <p class="muted">Twenty, EspoCRM, SuiteCRM or Odoo on your own server: add its address and allow access to that host only.</p>
        <form class="row" onSubmit={addCrm}>
          <input type="url" placeholder="https://crm.yourcompany.com" value={origin} onInput={(e) => setOrigin((e.target as HTMLInputElement).value)} aria-label="CRM address" class="grow" />
          <select value={crm} onChange={(e) => setCrm((e.target as HTMLSelectElement).value as SelfHostedCrm['crm'])} aria-label="CRM product">
            <option value="odoo">Odoo</option>
            <option value="twenty">Twenty</option>
            <option value="espocrm">EspoCRM</option>
            <option value="suitecrm">SuiteCRM</option>
          </select>
          <button type="submit" class="primary">Add CRM</button>
        </form>
        {crms.length > 0 && (
          <ul>
            {crms.map((c) => (
              <li key={c.origin}>{c.origin} <span class="muted">({c.crm})</span></li>
            ))}
          </ul>
        )}
      </div>
      <div class="card">
        <h2>Keyboard</h2>
        <p>Show or hide the sidebar: <kbd>{shortcut}</kbd>. Change it on the browser's extension shortcuts page (chrome://extensions/shortcuts). Inside the sidebar, Tab moves between questions and Escape collapses it.</p>
      </div>
    </>
  );
}
