import type { ComponentChildren } from 'preact';
import type { AccountInsight, CaptureView, SidebarState, SuggestedQuestion } from '../../lib/model/insight';
import type { SidebarActions, SidebarStore } from './store';
import { tabAlert } from '../../lib/words/sidebar';
import { daysAgoInWords } from '../../lib/words/format';
import { riskWords } from '../../lib/words/risk';
import { Name, Names } from '../shared/Name';

interface SidebarProps {
  store: SidebarStore;
  actions: SidebarActions;
  /** Gmail inserts a question into the reply; CRM pages copy it. */
  questionMode: 'insert' | 'copy';
}

export function Sidebar({ store, actions, questionMode }: SidebarProps) {
  const view = store.view.value;
  const offset = { '--ka-offset': `${store.offsetRight.value}px` };
  if (store.collapsed.value) {
    const alert = tabAlert(view.kind === 'state' ? view.state : undefined);
    return (
      <div class="ka" style={offset}>
        <button
          class={alert ? `tab alert ${alert.tone}` : 'tab'}
          type="button"
          onClick={actions.toggle}
          aria-label={alert ? `Open Keep Account sidebar: ${alert.label}` : 'Open Keep Account sidebar'}
          aria-expanded="false"
          data-ka="expand"
          data-alert={alert?.kind}
          title={alert ? `Keep Account: ${alert.label} (Alt+Shift+K)` : 'Keep Account (Alt+Shift+K)'}
        >
          <span class="tab-logo" aria-hidden="true">K</span>
          {alert && <span class={`badge ${alert.tone}`} aria-hidden="true" />}
          <span class="tab-label" data-ka="tab-label">{alert ? alert.label : 'Keep Account'}</span>
        </button>
      </div>
    );
  }
  return (
    <div class="ka" style={offset}>
      <aside
        class="panel"
        role="complementary"
        aria-label="Keep Account"
        onKeyDown={(event) => {
          if (event.key === 'Escape') actions.toggle();
        }}
      >
        <header class="head">
          <div class="logo" aria-hidden="true">K</div>
          <span class="brand">Keep Account</span>
          <span class="site">{store.siteLabel.value}</span>
          <button class="icon-btn" type="button" onClick={actions.toggle} aria-label="Collapse sidebar" aria-expanded="true" data-ka="collapse" title="Collapse (Alt+Shift+K)">
            ⟩
          </button>
        </header>
        <div class="body" data-ka="body">
          {view.kind === 'loading' && <Loading />}
          {view.kind === 'error' && (
            <Message title="Something went wrong" text={view.message}>
              <button class="secondary" type="button" onClick={actions.openOptions}>
                Open Keep Account settings
              </button>
            </Message>
          )}
          {view.kind === 'state' && <StateView state={view.state} actions={actions} questionMode={questionMode} />}
        </div>
        <footer class="foot">
          <span class="dot" aria-hidden="true" />
          Local data only — nothing leaves this browser.
        </footer>
        {store.toast.value && (
          <div class="toast" role="status">
            {store.toast.value}
          </div>
        )}
      </aside>
    </div>
  );
}

function Loading() {
  return (
    <div class="state" aria-busy="true" aria-label="Looking up this customer">
      <div class="skeleton" style={{ width: '60%' }} />
      <div class="skeleton" style={{ width: '90%' }} />
      <div class="skeleton" style={{ width: '75%' }} />
    </div>
  );
}

function Message({ title, text, children }: { title: string; text: string; children?: ComponentChildren }) {
  return (
    <div class="state" data-ka="message">
      <h2>{title}</h2>
      <p>{text}</p>
      {children}
    </div>
  );
}

function StateView({ state, actions, questionMode }: { state: SidebarState; actions: SidebarActions; questionMode: 'insert' | 'copy' }) {
  switch (state.status) {
    case 'unrecognized':
      return <Message title="No customer recognized on this page" text={state.reason} />;
    case 'no-data':
      return (
        <Message
          title="No local data yet"
          text="Import your CRM and order exports to see lapse risk, missing decision-makers and the next question to ask. The data stays in this browser."
        >
          <button class="primary" style={{ marginLeft: 0 }} type="button" onClick={actions.openOptions} data-ka="import">
            Import data
          </button>
        </Message>
      );
    case 'no-match':
      if (state.lead) {
        return (
          <>
            <div class="headline tone-info" data-ka="headline">
              <div class="title">An opening</div>
              <div>{state.lead.title}</div>
            </div>
            <p class="sub" style={{ margin: 0 }}>{state.lead.reason}</p>
            {state.questions.length > 0 && (
              <section aria-label="Questions to ask">
                <h3 class="section-title">Ask next</h3>
                <Questions questions={state.questions} accountId="" actions={actions} questionMode={questionMode} />
              </section>
            )}
          </>
        );
      }
      return (
        <div class="state" data-ka="message">
          <h2>Not in your accounts yet</h2>
          <p>{`No account matches ${state.people.map((p) => p.email).join(', ') || 'the people on this page'}. Import the CRM export that has them to see insights here.`}</p>
          {state.namesNote && <p class="sub" data-ka="names-note">{state.namesNote}</p>}
        </div>
      );
    case 'choose':
      return (
        <div class="state">
          <h2>Several accounts match</h2>
          <p>Pick the account this page is about.</p>
          <ul class="choices">
            {state.candidates.map((c) => (
              <li key={c.id}>
                <button class="secondary" type="button" onClick={() => actions.chooseAccount(c.id)}>
                  <strong>
                    <Name text={c.name} />
                  </strong>{' '}
                  <span class="sub">— {c.reason}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      );
    case 'account':
      return (
        <>
          {state.capture && <CaptureBox capture={state.capture} actions={actions} />}
          <AccountView insight={state.insight} actions={actions} questionMode={questionMode} />
        </>
      );
  }
}

/**
 * Remembering conversations (issue 16): the one-time notice with Turn off and Learn more, else what is remembered; both
 * offer the per-site switch ("Don't remember on Outlook") while remembering is on. Plain buttons: in the tab order.
 */
function CaptureBox({ capture, actions }: { capture: CaptureView; actions: SidebarActions }) {
  const siteSwitch = capture.siteSwitch && (
    <button class="secondary" type="button" onClick={() => actions.captureNotice('turnOffSite')} data-ka="capture-site-off">
      {capture.siteSwitch}
    </button>
  );
  if (capture.showNotice) {
    return (
      <div class="headline tone-info" role="note" data-ka="capture-notice">
        <div>{capture.text}</div>
        <div class="capture-actions">
          <button class="secondary" type="button" onClick={() => actions.captureNotice('seen')} data-ka="capture-ok">
            OK
          </button>
          <button class="secondary" type="button" onClick={() => actions.captureNotice('turnOff')} data-ka="capture-off">
            Turn off
          </button>
          <button class="secondary" type="button" onClick={actions.learnMoreAboutCapture} data-ka="capture-learn">
            Learn more
          </button>
          {siteSwitch}
        </div>
      </div>
    );
  }
  return (
    <div class="sub" data-ka="capture">
      <p>{capture.text}</p>
      {(capture.remembered > 0 || siteSwitch) && (
        <div class="capture-actions">
          {capture.remembered > 0 && (
            <button class="secondary" type="button" onClick={actions.forgetConversation} data-ka="capture-forget">
              Forget this conversation
            </button>
          )}
          {siteSwitch}
        </div>
      )}
    </div>
  );
}

function AccountView({ insight, actions, questionMode }: { insight: AccountInsight; actions: SidebarActions; questionMode: 'insert' | 'copy' }) {
  const { account, headline, riskText, people, opportunities } = insight;
  return (
    <>
      <div class="account" data-ka="account">
        <h2>
          <Name text={account.name} />
        </h2>
        <span class="sub">
          <Names texts={[account.industry, account.domain, insight.contact ? [insight.contact.name, insight.contact.title] : undefined]} />
        </span>
      </div>
      <div class={`headline tone-${headline.tone}`} data-ka="headline">
        <div class="title">{headline.title}</div>
        <div>{headline.reason}</div>
      </div>
      {insight.namesNote && <p class="sub" data-ka="names-note">{insight.namesNote}</p>}
      {insight.questions.length > 0 && (
        <section aria-label="Questions to ask">
          <h3 class="section-title">Ask next</h3>
          <Questions questions={insight.questions} accountId={account.id} actions={actions} questionMode={questionMode} />
        </section>
      )}
      <details data-ka="risk">
        <summary>
          Lapse risk <span class="count">{riskText ? riskText.headline : 'not scored yet'}</span>
        </summary>
        {riskText ? (
          <ul class="lines">
            {riskText.explanation.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : (
          <p class="sub">No order history scored for this account yet.</p>
        )}
      </details>
      <details data-ka="people">
        <summary>
          People <span class="count">{people.missing.length ? `${people.missing.length} missing` : `${people.contacts.length} known`}</span>
        </summary>
        <ul class="lines">
          {people.missing.map((m) => (
            <li key={m.role + m.text} class="missing">
              {m.text} <span class="sub">— {m.why}</span>
            </li>
          ))}
          {people.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
        <div>
          {people.contacts.map((p) => (
            <div class="person" key={p.email}>
              <span class="name">
                <Name text={p.name} />
              </span>
              <span class="sub">
                <Names texts={[p.title, p.roles.join(', '), p.lastTouch ? `last touch ${p.lastTouch}` : undefined]} />
              </span>
            </div>
          ))}
        </div>
      </details>
      <details data-ka="opportunities">
        <summary>
          Opportunities <span class="count">{opportunities.length || 'none found'}</span>
        </summary>
        {opportunities.length ? (
          <ul class="lines">
            {opportunities.map((o) => (
              <li key={o.product}>{o.text}</li>
            ))}
          </ul>
        ) : (
          <p class="sub">{insight.opportunitiesNote ?? 'Similar accounts buy nothing this one does not.'}</p>
        )}
      </details>
      {insight.asked.length > 0 && (
        <details data-ka="asked">
          <summary>
            Questions asked <span class="count">{insight.asked.length}</span>
          </summary>
          <ul class="lines">
            {insight.asked.map((a) => (
              <li key={a.text + a.daysAgo}>
                {a.text} <span class="sub">— {a.daysAgo === 0 ? 'today' : a.daysAgo === 1 ? 'yesterday' : daysAgoInWords(a.daysAgo)}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

function Questions({
  questions,
  accountId,
  actions,
  questionMode,
}: {
  questions: SuggestedQuestion[];
  accountId: string;
  actions: SidebarActions;
  questionMode: 'insert' | 'copy';
}) {
  return (
    <ol class="questions" data-ka="questions">
      {questions.map((q) => (
        <li class="question" key={`${q.playbookId}/${q.questionId}`}>
          <span class="text">
            <bdi>{q.text}</bdi>
          </span>
          <span class="why">{q.why}</span>
          <div class="row">
            <span class={q.setByTeam ? 'tag team' : 'tag'}>
              <Name text={q.playbookName} />
              {q.setByTeam && ' · set by your team'}
            </span>
            {q.lastAskedDaysAgo !== undefined && <span class="tag">asked {daysAgoInWords(q.lastAskedDaysAgo)}</span>}
            <button
              class="primary"
              type="button"
              data-ka="use-question"
              // Keep the caret in the reply box: the button must not take focus on mouse down.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => actions.useQuestion(q, accountId)}
              aria-label={`${questionMode === 'insert' ? 'Insert into reply' : 'Copy'}: ${q.text}`}
            >
              {questionMode === 'insert' ? 'Insert' : 'Copy'}
            </button>
          </div>
        </li>
      ))}
    </ol>
  );
}
