import { describe, expect, it } from 'vitest';
import { PLAYBOOK_VARIABLES, Playbook, PlaybookFile } from '../../../lib/model/playbook';
import { DEFAULT_PLAYBOOKS } from '../../../lib/playbooks/defaults';

describe('default playbooks', () => {
  it('parse with the Playbook schema, unchanged', () => {
    for (const playbook of DEFAULT_PLAYBOOKS) expect(Playbook.parse(playbook)).toEqual(playbook);
    expect(PlaybookFile.safeParse({ format: 'keep-account/playbooks', version: 1, playbooks: DEFAULT_PLAYBOOKS }).success).toBe(true);
  });

  it('ship the six stable ids with their names', () => {
    expect(DEFAULT_PLAYBOOKS.map((p) => p.id)).toEqual([
      'competitive-defense',
      'reach-decision-makers',
      'land-and-expand',
      'reengage-lapsing',
      'trust-check-in',
      'new-contact-onboarding',
    ]);
    const names = Object.fromEntries(DEFAULT_PLAYBOOKS.map((p) => [p.id, p.name]));
    expect(names['competitive-defense']).toBe('Competitive defense');
    expect(names['reach-decision-makers']).toBe('Reach decision-makers');
    expect(names['new-contact-onboarding']).toBe('New contact onboarding');
  });

  it('have 4–8 questions each, each with signals and a priority, ids unique across all playbooks', () => {
    const ids = DEFAULT_PLAYBOOKS.flatMap((p) => p.questions.map((q) => q.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const playbook of DEFAULT_PLAYBOOKS) {
      expect(playbook.questions.length, playbook.id).toBeGreaterThanOrEqual(4);
      expect(playbook.questions.length, playbook.id).toBeLessThanOrEqual(8);
      for (const q of playbook.questions) {
        expect(q.signals.length).toBeGreaterThan(0);
        expect(q.priority).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('contain the questions the scenarios need', () => {
    const texts = DEFAULT_PLAYBOOKS.flatMap((p) => p.questions.map((q) => q.text));
    expect(texts).toContain('If another supplier offered you a lower price, would you tell us before switching?');
    expect(texts).toContain('Who else weighs in when you review suppliers — could we include them in our next review?');
    expect(texts).toContain('How are you sourcing {{gapProduct}} today, and when does that contract renew?');
    expect(texts).toContain('If some of your team wanted to switch, what would we need to do to strengthen our partnership?');
  });

  it('use only the known variables', () => {
    for (const text of DEFAULT_PLAYBOOKS.flatMap((p) => p.questions.map((q) => q.text))) {
      for (const [, name] of text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) expect(PLAYBOOK_VARIABLES).toContain(name);
    }
  });
});
