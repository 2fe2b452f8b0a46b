import { useEffect, useMemo, useState } from 'preact/hooks';
import { SIGNAL_KINDS, type Playbook, type Question, type SignalKind, type TeamPolicy } from '../../lib/model/playbook';
import type { SuggestedQuestion } from '../../lib/model/insight';
import { effectivePlaybooks, exportPlaybookFile, mergeImportedPlaybooks, parsePlaybookFile, type EffectivePlaybook } from '../../lib/playbooks';
import { loadLocalPlaybooks } from '../../lib/service/playbookStore';
import { readTeamPolicy } from '../../lib/service/teamPolicy';
import { allAccounts } from '../../lib/db/accounts';
import { fromStoredAccount } from '../../lib/db/repo';
import { accountChoices, type AccountChoice } from '../../lib/service/accountViews';
import { AccountSearch } from './AccountSearch';
import { ask, optionsDb } from './backend';
import { downloadText } from './download';
import { now } from '../clock';
import { count } from '../../lib/words/format';

const SIGNAL_LABELS: Record<SignalKind, string> = {
  'lapse-high': 'high lapse risk',
  'lapse-watch': 'lapse risk: watch',
  overdue: 'order overdue',
  'missing-economic-buyer': 'no economic buyer',
  'missing-finance': 'no finance contact',
  'missing-technical': 'no technical contact',
  'single-threaded': 'single-threaded',
  'champion-left': 'champion left',
  'contact-moved-here': 'known contact, new company',
  'new-contact': 'new contact',
  'expansion-gap': 'expansion gap',
  'email-competitor': 'email: competitor',
  'email-price': 'email: price',
  'email-delay': 'email: delay',
  'email-reviewing-suppliers': 'email: reviewing suppliers',
  'email-complaint': 'email: complaint',
  'email-order-change': 'email: order change',
  'check-in': 'regular check-in',
};

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'item';

export function PlaybooksSection() {
  const [local, setLocal] = useState<Playbook[] | null>(null);
  const [policy, setPolicy] = useState<TeamPolicy | undefined>();
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  useEffect(() => {
    void (async () => {
      setLocal(await loadLocalPlaybooks(await optionsDb()));
      setPolicy(await readTeamPolicy());
    })();
  }, []);

  const effective: EffectivePlaybook[] = useMemo(() => (local ? effectivePlaybooks(local, policy) : []), [local, policy]);

  async function save(next: Playbook[], message = 'Saved.') {
    setLocal(next);
    try {
      await ask({ type: 'savePlaybooks', playbooks: next });
      setNotice({ tone: 'ok', text: message });
    } catch (error) {
      setNotice({ tone: 'error', text: `Not saved: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  const update = (id: string, change: (p: Playbook) => Playbook, message?: string) => local && save(local.map((p) => (p.id === id ? change(p) : p)), message);

  const move = (id: string, delta: number) => {
    if (!local) return;
    const index = local.findIndex((p) => p.id === id);
    const target = index + delta;
    if (index < 0 || target < 0 || target >= local.length) return;
    const next = [...local];
    [next[index], next[target]] = [next[target], next[index]];
    void save(next, 'Order saved.');
  };

  async function importFile(file: File) {
    const parsed = parsePlaybookFile(await file.text());
    if (!parsed.ok) {
      setNotice({ tone: 'error', text: `${file.name} was not imported, nothing changed: ${parsed.error}` });
      return;
    }
    await save(mergeImportedPlaybooks(local ?? [], parsed.file.playbooks), `Imported ${count(parsed.file.playbooks.length, 'playbook')} from ${file.name}.`);
  }

  if (!local) return <p class="muted">Loading playbooks…</p>;
  return (
    <>
      <h1>Playbooks</h1>
      <p class="lede">The discovery questions the sidebar suggests, and what triggers them. Turn playbooks on or off, edit questions, share them with your team.</p>
      {notice && <div class={`notice ${notice.tone}`} role="status">{notice.text}</div>}
      <div class="row" style={{ marginBottom: 12 }}>
        <button
          type="button"
          class="primary"
          onClick={() => {
            const id = `custom-${slug(`playbook ${local.length + 1}`)}-${now().getTime().toString(36)}`;
            void save([...local, { id, name: 'New playbook', description: '', enabled: true, questions: [] }], 'Playbook created.');
            setOpen(id);
          }}
        >
          New playbook
        </button>
        <button type="button" onClick={() => downloadText('keep-account-playbooks.json', exportPlaybookFile(local), 'application/json')}>
          Export for your team
        </button>
        <label class="button">
          Import a playbook file…
          <input
            type="file"
            accept="application/json,.json"
            hidden
            data-testid="playbook-import"
            onChange={(e) => {
              const file = (e.target as HTMLInputElement).files?.[0];
              if (file) void importFile(file);
              (e.target as HTMLInputElement).value = '';
            }}
          />
        </label>
      </div>
      {effective.map((playbook) => {
        const editable = playbook.source !== 'team';
        // Moves are within the rep's own list (the saved order); team playbooks are not in it.
        const position = local.findIndex((p) => p.id === playbook.id);
        const lockedByTeam = playbook.lockedOn || playbook.disabledByTeam || playbook.source === 'team';
        return (
          <div class="playbook" key={playbook.id} data-playbook={playbook.id}>
            <div class="row">
              <label class="switch">
                <input
                  type="checkbox"
                  checked={playbook.enabled}
                  disabled={lockedByTeam}
                  aria-label={`${playbook.name} ${playbook.enabled ? 'on' : 'off'}`}
                  onChange={(e) => update(playbook.id, (p) => ({ ...p, enabled: (e.target as HTMLInputElement).checked }))}
                />
              </label>
              <div class="grow">
                <strong>{playbook.name}</strong>{' '}
                {playbook.setByTeam && <span class="pill team">set by your team</span>}
                {playbook.disabledByTeam && <span class="pill unknown">turned off by your team</span>}
                <div class="muted small">{playbook.description}</div>
              </div>
              {editable && (
                <>
                  <button type="button" aria-label={`Move ${playbook.name} up`} disabled={position <= 0} onClick={() => move(playbook.id, -1)}>
                    ↑
                  </button>
                  <button type="button" aria-label={`Move ${playbook.name} down`} disabled={position < 0 || position === local.length - 1} onClick={() => move(playbook.id, 1)}>
                    ↓
                  </button>
                </>
              )}
              <button type="button" aria-expanded={open === playbook.id} onClick={() => setOpen(open === playbook.id ? null : playbook.id)}>
                {open === playbook.id ? 'Close' : count(playbook.questions.length, 'question')}
              </button>
            </div>
            {open === playbook.id && (
              <PlaybookEditor playbook={playbook} editable={editable} onChange={(next, message) => update(playbook.id, () => next, message)} />
            )}
          </div>
        );
      })}
      <PreviewCard />
    </>
  );
}

function PlaybookEditor({ playbook, editable, onChange }: { playbook: EffectivePlaybook; editable: boolean; onChange(next: Playbook, message?: string): void }) {
  const [draft, setDraft] = useState('');
  const [signal, setSignal] = useState<SignalKind>('check-in');
  const base: Playbook = { id: playbook.id, name: playbook.name, description: playbook.description, enabled: playbook.enabled, questions: playbook.questions };
  const setQuestion = (id: string, change: (q: Question) => Question, message?: string) =>
    onChange({ ...base, questions: base.questions.map((q) => (q.id === id ? change(q) : q)) }, message);
  return (
    <div class="questions">
      {editable && (
        <div class="row" style={{ marginBottom: 8 }}>
          <input type="text" class="grow" value={playbook.name} aria-label="Playbook name" onChange={(e) => onChange({ ...base, name: (e.target as HTMLInputElement).value || base.name })} />
          <input type="text" class="grow" value={playbook.description} placeholder="What this playbook is for" aria-label="Playbook description" onChange={(e) => onChange({ ...base, description: (e.target as HTMLInputElement).value })} />
        </div>
      )}
      {playbook.questions.map((q) => (
        <div class="question-row" key={q.id}>
          <label class="switch">
            <input type="checkbox" checked={q.enabled !== false} disabled={!editable} aria-label={`Question ${q.enabled !== false ? 'on' : 'off'}`} onChange={(e) => setQuestion(q.id, (x) => ({ ...x, enabled: (e.target as HTMLInputElement).checked }))} />
          </label>
          <div>
            {editable ? (
              <textarea value={q.text} aria-label="Question text" onChange={(e) => {
                const text = (e.target as HTMLTextAreaElement).value.trim();
                if (text.length >= 5) setQuestion(q.id, (x) => ({ ...x, text }), 'Question saved.');
              }} />
            ) : (
              <span>{q.text}</span>
            )}
            <div class="signals">
              {q.signals.map((s) => (
                <span class="signal" key={s}>{SIGNAL_LABELS[s]}</span>
              ))}
              <span class="signal">priority {q.priority}</span>
            </div>
          </div>
          {editable && (
            <button type="button" class="danger" aria-label="Delete question" onClick={() => onChange({ ...base, questions: base.questions.filter((x) => x.id !== q.id) }, 'Question deleted.')}>
              ✕
            </button>
          )}
        </div>
      ))}
      {editable && (
        <form
          class="row"
          style={{ marginTop: 10 }}
          onSubmit={(e) => {
            e.preventDefault();
            if (draft.trim().length < 5) return;
            const id = `${slug(draft)}-${now().getTime().toString(36)}`.slice(0, 80);
            onChange({ ...base, questions: [...base.questions, { id, text: draft.trim(), signals: [signal], priority: 3, enabled: true }] }, 'Question added.');
            setDraft('');
          }}
        >
          <input type="text" class="grow" placeholder="New question, e.g. How are you sourcing {{gapProduct}} today?" value={draft} onInput={(e) => setDraft((e.target as HTMLInputElement).value)} aria-label="New question" />
          <select value={signal} onChange={(e) => setSignal((e.target as HTMLSelectElement).value as SignalKind)} aria-label="Asked when">
            {SIGNAL_KINDS.map((s) => (
              <option value={s} key={s}>when: {SIGNAL_LABELS[s]}</option>
            ))}
          </select>
          <button type="submit">Add question</button>
        </form>
      )}
    </div>
  );
}

/** Which questions a sample account would get with the playbooks as they are now. */
function PreviewCard() {
  const [choices, setChoices] = useState<AccountChoice[] | null>(null);
  const [selected, setSelected] = useState<AccountChoice | null>(null);
  const [questions, setQuestions] = useState<SuggestedQuestion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void (async () => {
      const db = await optionsDb();
      const [accounts, scores] = await Promise.all([allAccounts(db), db.getAll('scores')]);
      setChoices(accountChoices({ accounts: accounts.map(fromStoredAccount), scores: new Map(scores.map((s) => [s.accountId, s])) }));
    })();
  }, []);
  useEffect(() => {
    if (!selected) return;
    let current = true;
    // The background builds the preview as it builds the sidebar: its clock, the team policy, the saved playbooks.
    ask<SuggestedQuestion[]>({ type: 'previewQuestions', accountId: selected.id }).then(
      (found) => {
        if (!current) return;
        setError(null);
        setQuestions(found);
      },
      (e: unknown) => {
        if (!current) return;
        setQuestions(null);
        setError(`No preview: ${e instanceof Error ? e.message : String(e)}`);
      },
    );
    return () => {
      current = false;
    };
  }, [selected]);
  return (
    <div class="card" style={{ marginTop: 16 }}>
      <h2>Preview</h2>
      {choices === null ? (
        <p class="muted">Loading accounts…</p>
      ) : choices.length === 0 ? (
        <p class="muted">Import data to preview which questions an account would get.</p>
      ) : (
        <>
          <div class="picker preview-picker">
            <AccountSearch id="preview-account" label="Sample account" placeholder="Type a name, domain or industry" choices={choices} current={selected?.id} onChoose={setSelected} />
            <p class="muted small hint">
              {selected ? <>Questions for <strong data-testid="preview-account-name">{selected.name}</strong>. </> : null}
              {`Search ${count(choices.length, 'account')}: type, ↑ ↓ to move, Enter to choose.`}
            </p>
          </div>
          {error && <div class="notice error">{error}</div>}
          {questions && (
            <ol>
              {questions.length === 0 && <li class="muted">No question is triggered for this account.</li>}
              {questions.map((q) => (
                <li key={q.questionId}>
                  {q.text} <span class="muted small">— {q.why}</span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </div>
  );
}
