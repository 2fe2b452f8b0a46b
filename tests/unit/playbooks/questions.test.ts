import { describe, expect, it } from 'vitest';
import { SIGNAL_KINDS, type Playbook, type Signal } from '../../../lib/model/playbook';
import { DEFAULT_PLAYBOOKS } from '../../../lib/playbooks/defaults';
import { detectEmailSignals, extractCompetitor } from '../../../lib/playbooks/phrases';
import { worded } from '../../../lib/words/signals';
import { effectivePlaybooks } from '../../../lib/playbooks/policy';
import { discoveryQuestions, fillQuestionText, type QuestionContext } from '../../../lib/playbooks/questions';

const NOW = '2025-06-02T09:00:00.000Z';
const daysBefore = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();
const defaults = effectivePlaybooks([], undefined);
const vars = { firstName: 'Maria', company: 'Northwind Foods', product: 'vanilla flavouring', weeksSinceLastOrder: '11' };

function ask(partial: Partial<QuestionContext>): ReturnType<typeof discoveryQuestions> {
  return discoveryQuestions({ signals: [], vars, playbooks: defaults, history: [], now: NOW, ...partial });
}

const LAPSE: Signal = { kind: 'lapse-high', strength: 0.95, reason: 'Lapse risk: nothing ordered for 77 days (3.2× the usual gap)' };
const OVERDUE: Signal = { kind: 'overdue', strength: 0.8, reason: 'usually orders every 24 days; nothing for 77 days' };

describe('scenarios', () => {
  it('1. high lapse risk: "If another supplier offered you a lower price..." is among the top 3, explained by the risk', () => {
    const questions = ask({ signals: [LAPSE, OVERDUE] });
    expect(questions).toHaveLength(3);
    const lowerPrice = questions.find((q) => q.questionId === 'lower-price-heads-up');
    expect(lowerPrice).toMatchObject({
      text: 'If another supplier offered you a lower price, would you tell us before switching?',
      why: 'Lapse risk: nothing ordered for 77 days (3.2× the usual gap)',
      playbookId: 'competitive-defense',
      playbookName: 'Competitive defense',
      setByTeam: false,
    });
    expect(questions[0].text).toBe("It's been 11 weeks since your last order of vanilla flavouring — has anything changed in your production plans?");
  });

  it('2. single-threaded, no economic buyer: "Who else weighs in..." comes first', () => {
    const questions = ask({
      signals: [
        { kind: 'single-threaded', strength: 0.9, reason: 'single-threaded: 31 of 31 emails this year went to one person' },
        { kind: 'missing-economic-buyer', strength: 0.8, reason: 'no economic buyer (owner / GM / CFO)' },
        { kind: 'missing-finance', strength: 0.6, reason: 'finance: never contacted' },
      ],
    });
    expect(questions[0]).toMatchObject({
      questionId: 'who-else-weighs-in',
      text: 'Who else weighs in when you review suppliers — could we include them in our next review?',
      why: 'single-threaded: 31 of 31 emails this year went to one person',
    });
  });

  it('4. gap "cocoa": "How are you sourcing cocoa today, and when does that contract renew?" comes first', () => {
    const questions = ask({
      signals: [{ kind: 'expansion-gap', strength: 0.75, reason: 'cocoa: bought by 70% of similar bakeries; typical spend 10× what this account spends with us' }],
      vars: { ...vars, gapProduct: 'cocoa' },
    });
    expect(questions[0].text).toBe('How are you sourcing cocoa today, and when does that contract renew?');
    expect(questions[0].why).toMatch(/^cocoa: bought by 70%/);
  });

  it('5. the manager locks two playbooks and disables one: locked ones "set by your team", the disabled one never offered', () => {
    const local: Playbook[] = DEFAULT_PLAYBOOKS.map((p) => ({ ...p, enabled: p.id === 'new-contact-onboarding' }));
    const playbooks = effectivePlaybooks(local, {
      lockedPlaybooks: ['competitive-defense', 'reach-decision-makers'],
      disabledPlaybooks: ['new-contact-onboarding'],
    });
    const signals: Signal[] = [
      { kind: 'new-contact', strength: 1, reason: 'first email from this person' },
      { kind: 'contact-moved-here', strength: 1, reason: 'Joe Park knows you from Acme' },
      { kind: 'single-threaded', strength: 0.7, reason: 'single-threaded' },
      { kind: 'email-competitor', strength: 0.8, reason: 'mentions "another supplier"' },
    ];
    const questions = ask({ signals, playbooks, limit: 20 });
    expect(questions.length).toBeGreaterThan(0);
    expect(questions.some((q) => q.playbookId === 'new-contact-onboarding')).toBe(false);
    for (const q of questions) {
      expect(q.setByTeam).toBe(q.playbookId === 'competitive-defense' || q.playbookId === 'reach-decision-makers');
    }
    expect(questions.map((q) => q.playbookId)).toContain('competitive-defense');
    expect(questions.map((q) => q.playbookId)).toContain('reach-decision-makers');
  });

  it('an email naming a competitor fills {{competitor}}', () => {
    const email = 'Hi, honestly we now have an offer from Givaudan that is 8% below your price.';
    const questions = ask({ signals: worded(detectEmailSignals(email), { accountName: 'Acme', today: '2026-01-01' }), vars: { ...vars, competitor: extractCompetitor(email) }, limit: 5 });
    const about = questions.find((q) => q.questionId === 'competitor-offer-beyond-price');
    expect(about?.text).toBe("What does Givaudan's offer include besides the price — lead times, minimum order quantities, specs?");
    expect(about?.why).toBe('mentions "an offer from Givaudan"');
  });
});

describe('discoveryQuestions', () => {
  it('leaves out a question whose variable cannot be filled, and never shows a raw {{...}}', () => {
    const signals: Signal[] = [{ kind: 'email-competitor', strength: 0.9, reason: 'mentions "another supplier"' }];
    const without = ask({ signals, vars: {}, limit: 50 });
    expect(without.map((q) => q.questionId)).not.toContain('competitor-offer-beyond-price');
    const all = ask({ signals: SIGNALS_OF_EVERY_KIND, vars: {}, limit: 100 });
    for (const q of all) expect(q.text).not.toMatch(/\{\{|\}\}/);
    expect(ask({ signals, vars: { competitor: 'Symrise' }, limit: 50 }).map((q) => q.questionId)).toContain('competitor-offer-beyond-price');
  });

  it('avoids questions asked at this account in the last 30 days and says when others were last asked', () => {
    const history = [
      { questionId: 'what-changed-since-last-order', playbookId: 'reengage-lapsing', askedAt: daysBefore(10) },
      { questionId: 'lower-price-heads-up', playbookId: 'competitive-defense', askedAt: daysBefore(80) },
      { questionId: 'lower-price-heads-up', playbookId: 'competitive-defense', askedAt: daysBefore(45) },
    ];
    const questions = ask({ signals: [LAPSE, OVERDUE], history });
    expect(questions.map((q) => q.questionId)).not.toContain('what-changed-since-last-order');
    expect(questions.find((q) => q.questionId === 'lower-price-heads-up')?.lastAskedDaysAgo).toBe(45);
    expect(questions.find((q) => q.questionId !== 'lower-price-heads-up')?.lastAskedDaysAgo).toBeUndefined();
  });

  it('never offers disabled playbooks or disabled questions', () => {
    const playbooks = effectivePlaybooks(
      DEFAULT_PLAYBOOKS.map((p) =>
        p.id === 'reengage-lapsing'
          ? { ...p, enabled: false }
          : { ...p, questions: p.questions.map((q) => (q.id === 'lower-price-heads-up' ? { ...q, enabled: false } : q)) },
      ),
      undefined,
    );
    const questions = ask({ signals: SIGNALS_OF_EVERY_KIND, playbooks, limit: 50 });
    expect(questions.length).toBeGreaterThan(10);
    expect(questions.some((q) => q.playbookId === 'reengage-lapsing' || q.questionId === 'lower-price-heads-up')).toBe(false);
  });

  it('never gives the same question id twice, keeping the better-ranked copy', () => {
    const copy: Playbook = {
      id: 'team-copy',
      name: 'Team copy',
      description: '',
      enabled: true,
      questions: [{ ...DEFAULT_PLAYBOOKS[0].questions[0], priority: 1 }],
    };
    const questions = ask({ signals: [LAPSE], playbooks: effectivePlaybooks([copy], undefined), limit: 50 });
    const ids = questions.map((q) => q.questionId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(questions.find((q) => q.questionId === 'lower-price-heads-up')?.playbookId).toBe('competitive-defense');
  });

  it('ranks by signal strength and priority', () => {
    const questions = ask({
      signals: [
        { kind: 'email-delay', strength: 0.9, reason: 'mentions "delayed"' },
        { kind: 'check-in', strength: 0.3, reason: 'Healthy account' },
      ],
      limit: 10,
    });
    expect(questions[0].questionId).toBe('delay-impact');
    expect(questions.at(-1)?.why).toBe('Healthy account');
  });

  it('is deterministic, whatever the order of the signals', () => {
    const first = ask({ signals: SIGNALS_OF_EVERY_KIND, vars: { ...vars, gapProduct: 'cocoa', competitor: 'Kerry' }, limit: 10 });
    const again = ask({ signals: [...SIGNALS_OF_EVERY_KIND].reverse(), vars: { ...vars, gapProduct: 'cocoa', competitor: 'Kerry' }, limit: 10 });
    expect(again).toEqual(first);
    expect(first).toHaveLength(10);
  });

  it('returns nothing without signals, and respects the limit', () => {
    expect(ask({ signals: [] })).toEqual([]);
    expect(ask({ signals: [LAPSE], limit: 0 })).toEqual([]);
    expect(ask({ signals: [LAPSE], limit: 1 })).toHaveLength(1);
    expect(ask({ signals: [LAPSE] })).toHaveLength(3);
  });
});

describe('fillQuestionText', () => {
  it('fills known variables, and gives up on a blank, an unknown or a missing one', () => {
    expect(fillQuestionText('Hi {{ firstName }}, how is {{company}}?', { firstName: 'Ann', company: 'Acme' })).toBe('Hi Ann, how is Acme?');
    expect(fillQuestionText('Hi {{firstName}}', { firstName: '  ' })).toBeUndefined();
    expect(fillQuestionText('Hi {{nickname}}', { firstName: 'Ann' })).toBeUndefined();
    expect(fillQuestionText('Hi {{firstName', { firstName: 'Ann' })).toBeUndefined();
  });
});

const SIGNALS_OF_EVERY_KIND: Signal[] = SIGNAL_KINDS.map((kind, i) => ({ kind, strength: 0.3 + (i % 7) / 10, reason: `because of ${kind}` }));
