import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AccountLink } from '../../lib/model/records';
import { listLinks } from '../../lib/db/linking';
import { accountChoices, searchAccounts, type AccountChoice } from '../../lib/service/accountViews';
import { linkOffers, offerId, unplacedOrders, type OfferRow, type UnplacedRow } from '../../lib/service/linkViews';
import { loadDismissals } from '../../lib/service/linkDismissals';
import { linkOfferReason } from '../../lib/words/links';
import { ask, formatMoney, formatNumber, optionsDb, readBook } from './backend';
import { todayIso } from '../clock';

interface State {
  unplaced: UnplacedRow[];
  offers: OfferRow[];
  links: AccountLink[];
  choices: AccountChoice[];
  names: Map<string, string>;
}

/**
 * "Link customers": the orders no page can show yet, biggest first, each with a search for the customer it belongs to;
 * the matches the importer would not guess; and the links made, each with Undo. Every change is a message to the
 * background (linkAccounts / unlinkAccounts), which links the book again and rescores.
 */
export function LinkSection() {
  const [state, setState] = useState<State | null>(null);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  async function load() {
    const db = await optionsDb();
    const [book, links, dismissed] = await Promise.all([readBook(), listLinks(db), loadDismissals(db)]);
    setState({
      unplaced: unplacedOrders(book, todayIso()),
      offers: linkOffers(book, links, dismissed),
      links,
      choices: accountChoices(book),
      names: new Map(book.accounts.map((a) => [a.id, a.name])),
    });
  }
  useEffect(() => void load(), []);

  async function run(message: Parameters<typeof ask>[0], done: string) {
    setStatus(null);
    try {
      await ask(message);
      await load();
      setStatus({ kind: 'ok', text: done });
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  }
  const link = (from: { id: string; name: string }, into: { id: string; name: string }) =>
    run({ type: 'linkAccounts', fromId: from.id, intoId: into.id }, `${from.name} is now part of ${into.name}.`);

  return (
    <>
      <h1>Link customers</h1>
      <p class="lede">
        One customer, one account: customer numbers, CRM records, websites, buyer emails and names that belong together are joined when
        files are imported. What could not be placed, or was not certain, is here for you to decide. Every link is remembered and can be undone.
      </p>
      {status && (
        <div class={`notice ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="link-status">
          {status.text}
        </div>
      )}
      {!state ? (
        <p class="muted">Loading…</p>
      ) : (
        <>
          <section class="card" aria-labelledby="unplaced-heading">
            <h2 id="unplaced-heading">Orders we can't place yet</h2>
            {state.unplaced.length === 0 ? (
              <p class="muted" data-testid="unplaced-empty">Every order belongs to an account a page can show.</p>
            ) : (
              <>
                <p class="muted small">No CRM record, website or contact reaches these customers, so no sidebar shows their lapse risk. The biggest first.</p>
                <table data-testid="unplaced">
                  <thead>
                    <tr><th>Customer</th><th class="num">Orders</th><th class="num">Value at stake</th><th>Last order</th><th>Same customer as…</th></tr>
                  </thead>
                  <tbody>
                    {state.unplaced.map((row) => (
                      <tr key={row.accountId} data-account={row.accountId}>
                        <td><bdi>{row.name}</bdi></td>
                        <td class="num">{formatNumber(row.orders)}</td>
                        <td class="num">{formatMoney(row.value, row.currency)}<div class="muted small">{row.valueSpan === 'year' ? 'last 12 months' : 'all time'}</div></td>
                        <td>{row.lastOrder}</td>
                        <td><AccountSearch label={`Customer that ${row.name} is`} choices={state.choices.filter((c) => c.id !== row.accountId)} onChoose={(c) => link({ id: row.accountId, name: row.name }, c)} /></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </section>
          <section class="card" aria-labelledby="offers-heading">
            <h2 id="offers-heading">Possibly the same customer</h2>
            {state.offers.length === 0 ? (
              <p class="muted">Nothing uncertain: every match was clear.</p>
            ) : (
              <table data-testid="offers">
                <thead><tr><th>Accounts</th><th>Why</th><th /></tr></thead>
                <tbody>
                  {state.offers.map((offer) => (
                    <tr key={`${offer.kind}-${offer.key}-${offer.accountIds.join()}`}>
                      <td>{offer.names.map((n, i) => <div key={offer.accountIds[i]}><bdi>{n}</bdi> <span class="muted small">{offer.accountIds[i]}</span></div>)}</td>
                      <td class="small">{linkOfferReason(offer.reason)}</td>
                      <td>
                        {offer.accountIds.slice(1).map((id, i) => (
                          <button type="button" key={id} onClick={() => link({ id, name: offer.names[i + 1]! }, { id: offer.accountIds[0]!, name: offer.names[0]! })}>
                            {offer.names[i + 1]} is {offer.names[0]}
                          </button>
                        ))}
                        <button type="button" data-testid="not-the-same" onClick={() => run({ type: 'dismissLinkOffer', offerId: offerId(offer) }, `Noted: ${offer.names.join(' and ')} are different customers.`)}>
                          Not the same customer
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section class="card" aria-labelledby="links-heading">
            <h2 id="links-heading">Your links</h2>
            {state.links.length === 0 ? (
              <p class="muted">No links yet.</p>
            ) : (
              <table data-testid="links">
                <thead><tr><th>Account</th><th>is part of</th><th>Since</th><th /></tr></thead>
                <tbody>
                  {state.links.map((l) => (
                    <tr key={l.id}>
                      <td><bdi>{l.from.name}</bdi></td>
                      <td><bdi>{state.names.get(l.intoId) ?? l.intoId}</bdi></td>
                      <td>{l.linkedAt.slice(0, 10)}</td>
                      <td><button type="button" onClick={() => run({ type: 'unlinkAccounts', linkId: l.id }, `${l.from.name} is its own account again.`)}>Undo</button></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </>
  );
}

let nextListId = 1;

/**
 * A search box with a list of accounts (the ARIA combobox pattern, https://www.w3.org/WAI/ARIA/apg/patterns/combobox/):
 * typing filters, ↓/↑ move through the list, Enter chooses, Escape closes.
 */
function AccountSearch(props: { label: string; choices: AccountChoice[]; onChoose(choice: AccountChoice): void }) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useRef(`account-list-${nextListId++}`).current;
  const found = useMemo(() => (query.trim() ? searchAccounts(props.choices, query).slice(0, 8) : []), [props.choices, query]);
  const choose = (choice: AccountChoice | undefined) => {
    if (!choice) return;
    setOpen(false);
    setQuery('');
    props.onChoose(choice);
  };
  const shown = open && found.length > 0;
  return (
    <div class="combo">
      <input
        type="search"
        role="combobox"
        aria-label={props.label}
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown ? `${listId}-${active}` : undefined}
        placeholder="Search accounts"
        value={query}
        onInput={(e) => {
          setQuery((e.target as HTMLInputElement).value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, Math.max(0, found.length - 1)));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === 'Enter' && shown) {
            e.preventDefault();
            choose(found[active]);
          } else if (e.key === 'Escape') setOpen(false);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {shown && (
        <ul role="listbox" id={listId} class="combo-list">
          {found.map((c, i) => (
            <li key={c.id} id={`${listId}-${i}`} role="option" aria-selected={i === active} onMouseDown={(e) => e.preventDefault()} onClick={() => choose(c)}>
              <bdi>{c.name}</bdi> <span class="muted small">{c.domain ?? c.id}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
