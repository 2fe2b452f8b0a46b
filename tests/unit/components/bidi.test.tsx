import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { render } from 'preact';
import { Sidebar } from '../../../components/sidebar/Sidebar';
import { createSidebarStore, type SidebarActions } from '../../../components/sidebar/store';
import { Name, Names } from '../../../components/shared/Name';
import type { AccountInsight } from '../../../lib/model/insight';
import { describePerson } from '../../../lib/words/format';
import { hasHiddenCharacters, isolate, showHiddenCharacters } from '../../../lib/words/visible';

const RLO = '\u202e';
/** A name with a right-to-left override and no closing PDF: unisolated, it reverses everything after it. */
const EVIL = `Dana ${RLO}namhcS`;

describe('isolate: names inside sentences', () => {
  it('wraps a name that could reorder the sentence in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE', () => {
    expect(isolate(EVIL)).toBe(`\u2068${EVIL}\u2069`);
    expect(isolate('שלום Bakery')).toBe('\u2068שלום Bakery\u2069');
    expect(isolate('مخبز')).toBe('\u2068مخبز\u2069');
  });

  it('leaves names that cannot reorder anything as they are (sentences and tests read the same)', () => {
    expect(isolate('Bäckerei Schröder GmbH')).toBe('Bäckerei Schröder GmbH');
    expect(isolate('東京フーズ')).toBe('東京フーズ');
  });

  it('describePerson isolates name and title separately', () => {
    expect(describePerson({ name: EVIL, title: 'Head of Purchasing' })).toBe(`\u2068${EVIL}\u2069, Head of Purchasing`);
  });
});

describe('hidden characters are shown visibly (Data page)', () => {
  it.each([
    [EVIL, 'Dana ⟨U+202E⟩namhcS'],
    ['Acme\u200bFoods', 'Acme⟨U+200B⟩Foods'],
    ['Tab\tand\u0007bell', 'Tab⟨U+0009⟩and⟨U+0007⟩bell'],
    ['C1\u0085next', 'C1⟨U+0085⟩next'],
    ['\u2066isolated\u2069', '⟨U+2066⟩isolated⟨U+2069⟩'],
    ['\ufeffBOM', '⟨U+FEFF⟩BOM'],
    ['Crème brûlée', 'Crème brûlée'],
  ])('%j → %s', (text, shown) => {
    expect(showHiddenCharacters(text)).toBe(shown);
    expect(hasHiddenCharacters(text)).toBe(text !== 'Crème brûlée');
  });
});

let window: Window;
beforeEach(() => {
  window = new Window();
  (globalThis as { document?: unknown }).document = window.document;
});
afterEach(() => {
  delete (globalThis as { document?: unknown }).document;
});

function mount(node: preact.ComponentChild): HTMLElement {
  const root = window.document.createElement('div') as unknown as HTMLElement;
  window.document.body.appendChild(root as never);
  render(node, root);
  return root;
}

const insight: AccountInsight = {
  account: { id: 'schmidt.de', name: `Bäckerei ${RLO}tdimhcS`, domain: 'schmidt.de', industry: 'Bakery' },
  matchedBy: 'email',
  contact: { email: 'dana@schmidt.de', name: EVIL, title: 'Head of Purchasing' },
  headline: { kind: 'people', tone: 'warning', title: 'Missing decision-makers', reason: 'no economic buyer (owner / GM / CFO)' },
  people: { contacts: [{ email: 'dana@schmidt.de', name: EVIL, title: 'Head of Purchasing', roles: ['champion'] }], missing: [], notes: [`main contact: ${describePerson({ name: EVIL, title: 'Head of Purchasing' })}`] },
  opportunities: [],
  signals: [],
  questions: [{ playbookId: 'p', playbookName: `Team ${RLO}koobyalp`, questionId: 'q', text: `Who signs off at Bäckerei ${RLO}tdimhcS?`, why: 'because', setByTeam: true }],
  asked: [],
};
const actions: SidebarActions = { toggle() {}, useQuestion() {}, openOptions() {}, chooseAccount() {}, forgetConversation() {}, captureNotice() {}, learnMoreAboutCapture() {} };

/** Every text node under `root` with its nearest isolating ancestor (bdi), for checking what shares a bidi run. */
function textRuns(root: HTMLElement): { text: string; isolatedBy: Element | null }[] {
  const out: { text: string; isolatedBy: Element | null }[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3 && node.textContent) out.push({ text: node.textContent, isolatedBy: (node.parentElement as Element | null)?.closest('bdi') ?? null });
    node.childNodes.forEach(walk);
  };
  walk(root);
  return out;
}

describe('the sidebar isolates every imported name (rendered DOM, happy-dom)', () => {
  it("a contact name with a right-to-left override sits in its own <bdi>; the title beside it in another", () => {
    const store = createSidebarStore(false, 'Gmail');
    store.view.value = { kind: 'state', state: { status: 'account', insight } };
    const root = mount(<Sidebar store={store} actions={actions} questionMode="insert" />);
    const sub = root.querySelector('[data-ka="account"] .sub')!;
    const parts = [...sub.querySelectorAll('bdi')].map((b) => b.textContent);
    expect(parts).toEqual(['Bakery', 'schmidt.de', EVIL, 'Head of Purchasing']);
    expect(sub.textContent).toBe(`Bakery · schmidt.de · ${EVIL}, Head of Purchasing`);
    // Every text node carrying an override is inside a <bdi> (or, in a sentence, closed by an isolate), and no bdi holds
    // the override together with text that is not the name itself.
    for (const run of textRuns(root)) {
      if (!run.text.includes(RLO)) continue;
      const closedInSentence = run.text.includes(`\u2068`) && run.text.indexOf('\u2069', run.text.indexOf(RLO)) > 0;
      expect(run.isolatedBy !== null || closedInSentence, JSON.stringify(run.text)).toBe(true);
    }
    expect(root.querySelector('[data-ka="account"] h2 bdi')!.textContent).toBe(insight.account.name);
    expect(root.querySelector('.person .name bdi')!.textContent).toBe(EVIL);
    expect(root.querySelector('.question .text bdi')!.textContent).toBe(insight.questions[0]!.text);
    expect(root.querySelector('.question .tag bdi')!.textContent).toBe(`Team ${RLO}koobyalp`);
  });

  it('candidates to choose from are isolated too', () => {
    const store = createSidebarStore(false, 'Gmail');
    store.view.value = { kind: 'state', state: { status: 'choose', candidates: [{ id: 'a', name: EVIL, reason: 'same domain' }] } };
    const root = mount(<Sidebar store={store} actions={actions} questionMode="copy" />);
    expect(root.querySelector('.choices strong bdi')!.textContent).toBe(EVIL);
  });
});

describe('Name and Names', () => {
  it('Name writes hidden characters out when asked (Data page), and renders nothing for no name', () => {
    const root = mount(
      <p>
        <Name text={EVIL} visible />
        <Name text={undefined} />
      </p>,
    );
    expect(root.innerHTML).toBe('<p><bdi>Dana ⟨U+202E⟩namhcS</bdi></p>');
  });

  it('Names isolates each part and joins them', () => {
    const root = mount(<Names texts={['A', undefined, ['B', 'C'], [undefined]]} />);
    expect(root.innerHTML).toBe('<bdi>A</bdi> · <bdi>B</bdi>, <bdi>C</bdi>');
  });
});
