import { useEffect, useState } from 'preact/hooks';
import { ImportSection } from './ImportSection';
import { DataSection } from './DataSection';
import { RiskSection } from './RiskSection';
import { PlaybooksSection } from './PlaybooksSection';
import { TeamSection } from './TeamSection';
import { AccountsSection } from './AccountsSection';
import { SingleThreadedSection } from './SingleThreadedSection';
import { LinkSection } from './LinkSection';
import { replacedByUpgrade } from './backend';
import { RELOAD_AFTER_UPGRADE } from '../../lib/words/storage';

const SECTIONS = [
  { id: 'import', label: 'Import data', icon: '⤓' },
  { id: 'data', label: 'Your data', icon: '▤' },
  { id: 'risk', label: 'Customers at risk', icon: '⚠' },
  { id: 'accounts', label: 'Accounts', icon: '◎' },
  { id: 'link', label: 'Link customers', icon: '⇄' },
  { id: 'single-threaded', label: 'Single-threaded', icon: '⊸' },
  { id: 'playbooks', label: 'Playbooks', icon: '✎' },
  { id: 'team', label: 'Team settings', icon: '⚑' },
] as const;
type SectionId = (typeof SECTIONS)[number]['id'];

const sectionFromHash = (): SectionId => {
  // "#accounts/<accountId>" opens the Accounts section on that account.
  const id = location.hash.replace(/^#/, '').split('/')[0];
  return (SECTIONS.find((s) => s.id === id)?.id ?? 'import') as SectionId;
};

export function OptionsApp() {
  const [section, setSection] = useState<SectionId>(sectionFromHash);
  useEffect(() => {
    const onHash = () => setSection(sectionFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return (
    <div class="layout">
      <nav class="nav" aria-label="Sections">
        <div class="brand">
          <div class="logo" aria-hidden="true">K</div>
          Keep Account
        </div>
        {SECTIONS.map((s) => (
          <a key={s.id} href={`#${s.id}`} aria-current={section === s.id ? 'page' : undefined} data-section={s.id}>
            <span aria-hidden="true">{s.icon}</span>
            {s.label}
          </a>
        ))}
        <p class="promise">Your data stays in this browser. Keep Account has no server and sends nothing anywhere.</p>
      </nav>
      <main>
        {replacedByUpgrade.value && (
          <div class="notice warn row" role="alert" data-testid="reload-after-upgrade">
            <span class="grow">{RELOAD_AFTER_UPGRADE}</span>
            <button type="button" class="primary" onClick={() => location.reload()}>
              Reload this page
            </button>
          </div>
        )}
        {section === 'import' && <ImportSection />}
        {section === 'data' && <DataSection />}
        {section === 'risk' && <RiskSection />}
        {section === 'playbooks' && <PlaybooksSection />}
        {section === 'team' && <TeamSection />}
        {section === 'accounts' && <AccountsSection />}
        {section === 'single-threaded' && <SingleThreadedSection />}
        {section === 'link' && <LinkSection />}
      </main>
    </div>
  );
}
