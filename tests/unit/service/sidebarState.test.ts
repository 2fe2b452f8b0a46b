import { beforeAll, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import type { Db } from '../../../lib/db/schema';
import type { SidebarState } from '../../../lib/model/insight';
import { PageContext } from '../../../lib/model/page';
import { recognizePage } from '../../../lib/sites';
import { crmRecordHtml, gmailThreadHtml } from '../../../lib/sites/fixtures/gmailPage';
import { outlookMailHtml } from '../../../lib/sites/fixtures/outlookPage';
import { buildSidebarState } from '../../../lib/service/sidebarState';
import { openKeepAccountDb } from '../../../lib/db/schema';
import type { DemoScenario } from '../../../demo';
import type { TeamPolicy } from '../../../lib/model/playbook';
import { DEMO_NOW, demoDatabase } from './demoDb';
import { riskWords } from '../../../lib/words/risk';

// The five field stories, end to end below the browser: demo CSVs → importer → IndexedDB → scoring → page
// recognition on the demo pages → the sidebar state. The e2e tests show the same in Chromium.

let db: Db;
let scenarios: DemoScenario[];
let me: { email: string; name: string };

function pageOf(html: string, url: string) {
  const window = new Window({ url });
  window.document.write(html);
  return recognizePage(window.document as unknown as Document, url);
}

const text = (state: SidebarState) => JSON.stringify(state);

async function stateFor(id: DemoScenario['id'], where: 'gmail' | 'crm', policy?: TeamPolicy) {
  const scenario = scenarios.find((s) => s.id === id)!;
  const page =
    where === 'gmail'
      ? pageOf(gmailThreadHtml({ me, subject: scenario.gmail!.subject, messages: scenario.gmail!.messages, replyOpen: true }), 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmvPqLxq')
      : pageOf(
          crmRecordHtml({ ...scenario.crm!, recordName: scenario.crm!.recordName }),
          scenario.crm!.crm === 'hubspot'
            ? `https://app.hubspot.com/contacts/24681357/record/${scenario.crm!.objectType === 'company' ? '0-2' : '0-1'}/${scenario.crm!.recordId}`
            : `https://acme.lightning.force.com/lightning/r/Account/${scenario.crm!.recordId}/view`,
        );
  expect(PageContext.safeParse(page).success).toBe(true);
  return { scenario, state: await buildSidebarState(db, page, { now: DEMO_NOW.toISOString(), policy }) };
}

beforeAll(async () => {
  const demo = await demoDatabase('sidebar-state');
  db = demo.db;
  scenarios = demo.data.scenarios;
  me = demo.data.me;
}, 120_000);

describe('sidebar state for the five stories', () => {
  it('1. the customer who just stops ordering: lapse risk in words, and a question for it', async () => {
    const { state, scenario } = await stateFor('lapsing', 'gmail');
    expect(state.status).toBe('account');
    if (state.status !== 'account') return;
    expect(state.insight.account.name).toMatch(/Northwind Foods/);
    for (const phrase of scenario.expect) expect(text(state)).toContain(phrase);
    expect(state.insight.headline).toMatchObject({ kind: 'risk', tone: 'danger', title: 'High lapse risk' });
    expect(state.insight.headline.reason).toMatch(/(less than 1|\d+)% chance of an order in the next 90 days/);
    expect(state.insight.questions.map((q) => q.text)).toContain('If another supplier offered you a lower price, would you tell us before switching?');
    expect(state.insight.riskText!.explanation.join(' ')).toContain('usually orders every 24 days; nothing for 77 days (3.2× the usual gap)');
    expect(state.insight.questions.length).toBeGreaterThan(0);
    expect(state.insight.questions.length).toBeLessThanOrEqual(3);
    expect(state.insight.questions.every((q) => !q.text.includes('{{'))).toBe(true);
  });

  it('2. the friendly contact who is not the decision: single-threaded, no economic buyer, finance never contacted', async () => {
    const { state, scenario } = await stateFor('single-threaded', 'gmail');
    for (const phrase of scenario.expect) expect(text(state)).toContain(phrase);
    if (state.status !== 'account') throw new Error(state.status);
    expect(state.insight.questions.map((q) => q.text)).toContain('Who else weighs in when you review suppliers — could we include them in our next review?');
  });

  it('3. the newcomer: risk at the old account, an opening on his new address', async () => {
    const crm = await stateFor('champion-moved', 'crm');
    if (crm.state.status !== 'account') throw new Error(crm.state.status);
    expect(crm.state.insight.headline.tone).toBe('danger');
    expect(crm.state.insight.headline.reason).toMatch(/Joe Park has not written from acmeflavors\.com since March and now writes from brightfoods\.com/);
    const gmail = await stateFor('champion-moved', 'gmail');
    expect(gmail.state.status).toBe('no-match');
    if (gmail.state.status !== 'no-match') return;
    expect(gmail.state.lead?.title).toMatch(/^Joe Park, formerly at Acme Flavors.*\(a customer for 4 years\), now at Bright Foods/);
    expect(gmail.state.questions.length).toBeGreaterThan(0);
  });

  it('4. ingredient X and the ten-times-larger ingredient Y: the cocoa opportunity and its question', async () => {
    const { state, scenario } = await stateFor('expansion', 'crm');
    if (state.status !== 'account') throw new Error(state.status);
    expect(state.insight.opportunities[0].text).toContain('bought by 70% of similar bakeries');
    expect(state.insight.opportunities[0].text).toContain('10×');
    expect(state.insight.questions.map((q) => q.text).join('\n')).toMatch(/How are you sourcing cocoa[^?]* today, and when does that contract renew\?/);
    expect(scenario.expect.length).toBeGreaterThan(0);
  });

  it("5. the manager's playbook: locked playbooks say 'set by your team', the disabled one is never offered", async () => {
    const policy = { lockedPlaybooks: ['competitive-defense', 'reach-decision-makers'], disabledPlaybooks: ['new-contact-onboarding'] };
    for (const id of ['playbook', 'single-threaded', 'lapsing'] as const) {
      const { state } = await stateFor(id, 'gmail', policy);
      if (state.status !== 'account') throw new Error(state.status);
      expect(state.insight.questions.every((q) => q.playbookId !== 'new-contact-onboarding')).toBe(true);
      for (const q of state.insight.questions) expect(q.setByTeam).toBe(q.playbookId === 'competitive-defense' || q.playbookId === 'reach-decision-makers');
    }
    const { state } = await stateFor('playbook', 'gmail', policy);
    if (state.status !== 'account') throw new Error(state.status);
    expect(state.insight.questions.some((q) => q.setByTeam)).toBe(true);
  });
});

describe('sidebar state on Outlook on the web', () => {
  const outlookUrl = 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0';
  const outlookState = async (id: DemoScenario['id'], cc: { name: string; email: string }[] = [], policy?: TeamPolicy) => {
    const scenario = scenarios.find((s) => s.id === id)!;
    const messages = scenario.gmail!.messages.map((m, i, all) => (i === all.length - 1 ? { ...m, cc } : m));
    const page = pageOf(outlookMailHtml({ me, conversations: [{ id: 'AAQkADAwATM0', subject: scenario.gmail!.subject, messages }], openId: 'AAQkADAwATM0', replyOpen: true }), outlookUrl);
    expect(page).toMatchObject({ site: 'outlook', view: 'compose' });
    return { page, state: await buildSidebarState(db, page, { now: DEMO_NOW.toISOString(), policy }) };
  };

  it('the same account, risk, people and questions as on Gmail for the lapsing story', async () => {
    const gmail = (await stateFor('lapsing', 'gmail')).state;
    const { state } = await outlookState('lapsing');
    expect(state.status).toBe('account');
    if (state.status !== 'account' || gmail.status !== 'account') return;
    expect(state.insight.account).toEqual(gmail.insight.account);
    expect(state.insight.headline).toEqual(gmail.insight.headline);
    expect(state.insight.risk).toEqual(gmail.insight.risk);
    expect(state.insight.people).toEqual(gmail.insight.people);
    expect(state.insight.questions.map((q) => q.questionId)).toEqual(gmail.insight.questions.map((q) => q.questionId));
    expect(state.insight.namesNote).toBeUndefined();
  });

  it('team policy applies as on Gmail: the disabled playbook is never offered, locked ones say so', async () => {
    const gmail = (await stateFor('lapsing', 'gmail')).state;
    if (gmail.status !== 'account') throw new Error('expected an account');
    const top = gmail.insight.questions[0]!.playbookId;
    const policy = { disabledPlaybooks: [top], lockedPlaybooks: ['reach-decision-makers'] };
    const [onGmail, onOutlook] = [(await stateFor('lapsing', 'gmail', policy)).state, (await outlookState('lapsing', [], policy)).state];
    if (onGmail.status !== 'account' || onOutlook.status !== 'account') throw new Error('expected an account');
    expect(onOutlook.insight.questions).toEqual(onGmail.insight.questions);
    expect(onOutlook.insight.questions.some((q) => q.playbookId === top)).toBe(false);
  });

  it('a Cc shown by name only is resolved among the account contacts; an unknown name is said to have no address', async () => {
    const gmail = (await stateFor('lapsing', 'gmail')).state;
    if (gmail.status !== 'account') throw new Error('expected an account');
    const colleagues = (await db.getAll('contacts')).filter((c) => c.accountId === gmail.insight.account.id && c.email !== gmail.insight.contact?.email);
    expect(colleagues.length).toBeGreaterThan(0);
    const known = { name: colleagues[0]!.name, email: colleagues[0]!.email };
    const { page, state } = await outlookState('lapsing', [known, { name: 'Dana Fox', email: 'dana.fox@elsewhere.example' }]);
    expect(page.namedOnly).toEqual([{ name: known.name, role: 'cc' }, { name: 'Dana Fox', role: 'cc' }]);
    expect(page.people.some((p) => p.email === known.email)).toBe(false);
    expect(state.status).toBe('account');
    if (state.status !== 'account') return;
    expect(state.insight.namesNote).toContain('Dana Fox');
    expect(state.insight.namesNote).toContain('recipient addresses are not shown');
    expect(state.insight.namesNote).not.toContain(known.name);
  });
});

describe('sidebar state when there is nothing to show', () => {
  it('says there is no data yet on an empty database', async () => {
    const empty = await openKeepAccountDb({ name: 'empty-sidebar' });
    expect(await buildSidebarState(empty, { site: 'gmail', view: 'thread', people: [{ email: 'a@b.com', role: 'from' }] }, { now: DEMO_NOW.toISOString() })).toEqual({ status: 'no-data' });
  });

  it('says why on a list page, and names the unknown sender', async () => {
    expect(await buildSidebarState(db, { site: 'gmail', view: 'list', people: [] }, { now: DEMO_NOW.toISOString() })).toMatchObject({ status: 'unrecognized', reason: expect.stringContaining('list') });
    const unknown = await buildSidebarState(db, { site: 'gmail', view: 'thread', people: [{ email: 'someone@unknown-co.example', role: 'from' }] }, { now: DEMO_NOW.toISOString() });
    expect(unknown).toMatchObject({ status: 'no-match', people: [{ email: 'someone@unknown-co.example' }] });
  });
});

describe('the sidebar on a day long after the last export', () => {
  it('says how old the order data is and counts the silence up to it, never to today (issue 13)', async () => {
    const scenario = scenarios.find((s) => s.id === 'lapsing')!;
    const page = pageOf(gmailThreadHtml({ me, subject: scenario.gmail!.subject, messages: scenario.gmail!.messages, replyOpen: true }), 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmvPqLxq');
    // Sixty days after the demo's import: the export (complete to the day before the demo day) is 61 days old.
    const later = new Date(DEMO_NOW.getTime() + 60 * 86_400_000).toISOString();
    const state = await buildSidebarState(db, page, { now: later });
    expect(state.status).toBe('account');
    if (state.status !== 'account') return;
    const lines = state.insight.riskText!.explanation;
    expect(lines[0]).toMatch(/^order data as of 22 Nov 2026 \(61 days old\) — import a fresh export$/);
    expect(lines[1]).toBe('usually orders every 24 days; nothing for 77 days up to 22 Nov 2026 (3.2× the usual gap)');
  });
});
