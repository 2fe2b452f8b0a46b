import { useEffect, useMemo, useState } from 'preact/hooks';
import type { LapseRisk, RiskLevel } from '../../lib/model/insight';
import {
  accountChoices,
  accountView,
  recordsByAccount,
  type AccountChoice,
  type AccountView,
  type Book,
  type PersonRow,
  type RoleGroup,
} from '../../lib/service/accountViews';
import { formatMoney, formatNumber, readBook, useSettings } from './backend';
import { todayIso } from '../clock';
import { riskWords } from '../../lib/words/risk';
import { count } from '../../lib/words/format';
import { AccountSearch } from './AccountSearch';

export const LEVEL_LABEL: Record<RiskLevel, string> = { high: 'High risk', watch: 'Watch', low: 'Low risk', unknown: 'Thin evidence' };
const ROLE_SHORT: Record<string, string> = { 'economic-buyer': 'Economic buyer', finance: 'Finance', technical: 'Technical', user: 'User', champion: 'Champion' };

/** The clock is read here, at the edge; the views below are pure functions of the records and this day. */

/** The whole book, read once per visit of the section (the background owns writes). */
export function useBook(): { book: Book | null; error: string | null } {
  const [book, setBook] = useState<Book | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    readBook().then(setBook, (e: unknown) => setError(`Could not read your data: ${e instanceof Error ? e.message : String(e)}`));
  }, []);
  return { book, error };
}

const accountIdFromHash = (): string | undefined => {
  const match = /^#accounts\/(.+)$/.exec(location.hash);
  return match ? decodeURIComponent(match[1]!) : undefined;
};
export const accountHref = (id: string) => `#accounts/${encodeURIComponent(id)}`;

export function RiskPill({ level }: { level?: RiskLevel }) {
  return level ? <span class={`pill ${level}`}>{LEVEL_LABEL[level]}</span> : <span class="pill unknown">Not scored</span>;
}

/** An account's contacts by buying role, what is missing and why, champion moves, expansion and lapse risk. */
export function AccountsSection() {
  const { book, error } = useBook();
  const [accountId, setAccountId] = useState(accountIdFromHash);
  useEffect(() => {
    const onHash = () => setAccountId(accountIdFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const grouped = useMemo(() => (book ? recordsByAccount(book) : undefined), [book]);
  const choices = useMemo(() => (book ? accountChoices(book) : []), [book]);
  const view = useMemo(() => (book && accountId ? accountView(book, accountId, { today: todayIso() }, grouped) : undefined), [book, accountId, grouped]);

  useEffect(() => {
    if (view) document.title = `${view.account.name} — Keep Account`;
  }, [view]);

  return (
    <div class="account-views">
      <h1>Accounts</h1>
      <p class="lede">Who you know at each customer, the part each person plays in buying, who is missing, and what the account could buy.</p>
      {error && <div class="notice error">{error}</div>}
      {book === null && !error ? (
        <div class="card"><p class="muted">Loading…</p></div>
      ) : book && book.accounts.length === 0 ? (
        <div class="card empty">No accounts yet. <a href="#import">Import your CRM exports</a> to see them here.</div>
      ) : book ? (
        <>
          <AccountPicker choices={choices} current={accountId} />
          {accountId && !view && <div class="notice warn" role="status">No account with the id “{accountId}” is in your data. Pick one above.</div>}
          {view ? <AccountDetail view={view} /> : !accountId && <AccountList choices={choices} />}
        </>
      ) : null}
    </div>
  );
}

/** Find an account by typing (components/options/AccountSearch.tsx); Enter opens it. */
function AccountPicker({ choices, current }: { choices: AccountChoice[]; current?: string }) {
  return (
    <div class="card picker">
      <AccountSearch
        id="account-search"
        label="Find an account"
        choices={choices}
        current={current}
        onChoose={(choice) => (location.hash = accountHref(choice.id))}
        renderExtra={(choice) => <RiskPill level={choice.level} />}
      />
      <p class="muted small hint">Type to search, ↑ ↓ to move, Enter to open. Every account has its own link to share or bookmark.</p>
    </div>
  );
}

function AccountList({ choices }: { choices: AccountChoice[] }) {
  return (
    <div class="card">
      <h2>Your accounts <span class="muted small">({formatNumber(choices.length)}, most valuable first)</span></h2>
      <table data-testid="account-list">
        <thead>
          <tr><th scope="col">Account</th><th scope="col">Industry</th><th scope="col">Risk</th><th scope="col" class="num">Annual value</th></tr>
        </thead>
        <tbody>
          {choices.slice(0, 100).map((c) => (
            <tr key={c.id}>
              <td><a href={accountHref(c.id)}><strong>{c.name}</strong></a><div class="muted small">{c.domain}</div></td>
              <td>{c.industry ?? <span class="muted">—</span>}</td>
              <td><RiskPill level={c.level} /></td>
              <td class="num">{formatMoney(c.annualValue, c.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {choices.length > 100 && <p class="muted small">Showing the 100 most valuable of {formatNumber(choices.length)}; search above for the others.</p>}
    </div>
  );
}

function AccountDetail({ view }: { view: AccountView }) {
  const { account, risk } = view;
  const facts = [account.domains[0], account.industry, account.employees !== undefined ? count(account.employees, 'employee') : undefined, account.owner ? `owner: ${account.owner}` : undefined].filter(Boolean);
  return (
    <div data-testid="account-view" data-account-id={account.id}>
      <div class="card account-head">
        <div class="row">
          <div class="grow">
            <h2 class="account-name">{account.name}</h2>
            <div class="muted small">{facts.join(' · ')}</div>
          </div>
          <RiskPill level={risk?.level} />
          <a class="button" href="#accounts">All accounts</a>
        </div>
      </div>
      <RiskCard risk={risk} />
      <PeopleCard view={view} />
      <MissingCard view={view} />
      <MovesCard view={view} />
      <ExpansionCard view={view} />
    </div>
  );
}

function RiskCard({ risk }: { risk?: LapseRisk }) {
  const { staleAfterDays } = useSettings();
  const words = risk && riskWords(risk, { today: todayIso(), staleAfterDays });
  return (
    <section class="card" aria-labelledby="risk-heading" data-testid="account-risk">
      <h2 id="risk-heading">Lapse risk</h2>
      {!risk ? (
        <p class="muted">Not scored: no orders for this account in your data yet. <a href="#import">Import an order log</a> to see whether it is still buying.</p>
      ) : (
        <>
          <p class="risk-headline"><RiskPill level={risk.level} /> <strong>{words!.headline}</strong></p>
          <ul class="reasons">
            {words!.explanation.map((line) => <li key={line}>{line}</li>)}
          </ul>
          <div class="facts">
            <Fact label="Annual value" value={formatMoney(risk.annualValue, risk.currency)} />
            <Fact label="Value at risk" value={formatMoney(risk.valueAtRisk, risk.currency)} />
            <Fact label="Orders" value={formatNumber(risk.orderCount)} />
            <Fact label="Last order" value={risk.lastOrderDate ?? '—'} />
          </div>
        </>
      )}
    </section>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div class="fact">
      <div class="value">{value}</div>
      <div class="label">{label}</div>
    </div>
  );
}

function PeopleCard({ view }: { view: AccountView }) {
  const known = view.groups.reduce((n, g) => n + g.people.length, 0) + view.otherPeople.length;
  return (
    <section class="card" aria-labelledby="people-heading" data-testid="role-groups">
      <h2 id="people-heading">People by buying role</h2>
      {known === 0 && <p class="muted">No contacts at {view.account.name} in your data yet.</p>}
      <div class="role-groups">
        {view.groups.map((g) => <RoleBlock key={g.role} group={g} />)}
        {view.otherPeople.length > 0 && (
          <RoleBlock group={{ role: 'user', label: 'No buying role read from the title', hint: 'add job titles in your CRM to place them', people: view.otherPeople }} other />
        )}
      </div>
    </section>
  );
}

function RoleBlock({ group, other }: { group: RoleGroup; other?: boolean }) {
  const headingId = `role-${other ? 'other' : group.role}`;
  return (
    <div class={`role-group${group.people.length ? '' : ' missing'}`} data-role={other ? 'other' : group.role} aria-labelledby={headingId} role="group">
      <div class="role-head">
        <h3 id={headingId}>{group.label}</h3>
        {group.people.length ? <span class={`pill ${group.gap ? "watch" : "low"}`}>{group.people.length}</span> : <span class="pill high">missing</span>}
        <span class="muted small grow">{group.hint}</span>
      </div>
      {group.people.length > 0 ? (
        <table class="people">
          <thead>
            <tr><th scope="col">Name</th><th scope="col">Title</th><th scope="col">Also</th><th scope="col">Last touch</th></tr>
          </thead>
          <tbody>
            {group.people.map((p) => <PersonRowView key={p.email} person={p} except={other ? undefined : group.role} />)}
          </tbody>
        </table>
      ) : (
        <p class="gap-line">{group.gap ? <><strong>{group.gap.text}.</strong> <span class="muted">{group.gap.why}</span></> : <span class="muted">Nobody in your data holds this role.</span>}</p>
      )}
      {group.people.length > 0 && group.gap && <p class="gap-line small"><strong>{group.gap.text}.</strong> <span class="muted">{group.gap.why}</span></p>}
    </div>
  );
}

function PersonRowView({ person, except }: { person: PersonRow; except?: string }) {
  const others = person.roles.filter((r) => r !== except);
  return (
    <tr>
      <td>
        <strong>{person.name}</strong>
        {person.moved && <> <span class="pill high">{person.moved === 'left' ? 'left' : `moved to ${person.moved}`}</span></>}
        <div class="muted small">{person.email}</div>
      </td>
      <td>{person.title ?? <span class="muted">—</span>}</td>
      <td>{others.length ? others.map((r) => <span key={r} class={`pill role ${r}`}>{ROLE_SHORT[r]}</span>) : <span class="muted">—</span>}</td>
      <td>{person.lastTouch ? <span title={person.lastTouch}>{person.lastTouchWords}</span> : <span class="muted">never</span>}</td>
    </tr>
  );
}

function MissingCard({ view }: { view: AccountView }) {
  return (
    <section class="card" aria-labelledby="missing-heading" data-testid="missing">
      <h2 id="missing-heading">Who is missing, and why it matters</h2>
      {view.gaps.length === 0 ? (
        <p class={view.departures.length ? 'muted' : 'good-line'}>
          Every buying role has someone you were in touch with in the last year{view.departures.length ? ', but a key contact has moved on: see Champion moves.' : '.'}
        </p>
      ) : (
        <ul class="gap-list">
          {view.gaps.map((g) => <Finding key={g.text} tone={g.kind === 'single-threaded' ? 'severe' : undefined} text={g.text} why={g.why} />)}
        </ul>
      )}
    </section>
  );
}

/** One fact in words with why it matters; the tone colours its edge (warning by default). */
function Finding({ text, why, tone }: { text: string; why: string; tone?: 'severe' | 'opening' }) {
  return (
    <li class={tone}>
      <strong>{text}</strong>
      <div class="muted">{why}</div>
    </li>
  );
}

function MovesCard({ view }: { view: AccountView }) {
  const none = view.departures.length === 0 && view.arrivals.length === 0;
  return (
    <section class="card" aria-labelledby="moves-heading" data-testid="champion-moves">
      <h2 id="moves-heading">Champion moves</h2>
      {none ? (
        <p class="muted">No key contact has left {view.account.name} or moved here from another customer.</p>
      ) : (
        <ul class="gap-list">
          {view.departures.map((d) => (
            <Finding
              key={d.email}
              tone={d.wasMainContact ? 'severe' : undefined}
              text={d.text}
              why={d.newDomain ? `A risk here, and an opening at ${d.newDomain}: ${d.name} knows what working with you is like.` : 'Find out who took over the role.'}
            />
          ))}
          {view.arrivals.map((l) => <Finding key={l.email} tone="opening" text={l.title} why={l.reason} />)}
        </ul>
      )}
    </section>
  );
}

function ExpansionCard({ view }: { view: AccountView }) {
  const wallet = view.wallet;
  return (
    <section class="card" aria-labelledby="expansion-heading" data-testid="expansion">
      <h2 id="expansion-heading">Expansion</h2>
      {view.noProfile ? (
        <p class="muted">Peer comparisons appear once an order log is imported and scored.</p>
      ) : (
        <>
          {wallet && (
            <div class="wallet">
              <div class="row">
                <strong>Share of wallet</strong>
                {wallet.available && wallet.share !== undefined && <span class="pill team">{Math.round(wallet.share * 100)}%</span>}
              </div>
              {wallet.available && wallet.share !== undefined && (
                <div class="meter" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(wallet.share * 100)} aria-label="Share of wallet">
                  <span style={{ width: `${Math.max(2, Math.round(wallet.share * 100))}%` }} />
                </div>
              )}
              <p class={wallet.available ? '' : 'muted'}>{wallet.text}</p>
            </div>
          )}
          {view.opportunities.length === 0 ? (
            <p class="muted">{view.opportunitiesNote ?? 'No product stands out: similar accounts buy about what this one buys.'}</p>
          ) : (
            <table data-testid="expansion-gaps">
              <thead>
                <tr><th scope="col">Product</th><th scope="col" class="num">Similar accounts buying</th><th scope="col">Why</th></tr>
              </thead>
              <tbody>
                {view.opportunities.map((o) => (
                  <tr key={o.product}>
                    <td><strong>{o.product}</strong></td>
                    <td class="num">{Math.round(o.peerShare * 100)}%</td>
                    <td class="small">{o.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
