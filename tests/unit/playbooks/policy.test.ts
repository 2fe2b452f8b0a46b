import { describe, expect, it } from 'vitest';
import type { Playbook } from '../../../lib/model/playbook';
import { DEFAULT_PLAYBOOKS } from '../../../lib/playbooks/defaults';
import { canToggle, effectivePlaybooks, parseTeamPolicy, resolvePlaybooks } from '../../../lib/playbooks/policy';

const custom: Playbook = {
  id: 'cocoa-season',
  name: 'Cocoa season',
  description: '',
  enabled: true,
  questions: [{ id: 'cocoa-forward-buy', text: 'Shall we fix your cocoa price for Q3 now?', signals: ['email-price'], priority: 4, enabled: true }],
};
const byId = <T extends { id: string }>(list: T[], id: string): T => list.find((p) => p.id === id)!;

describe('effectivePlaybooks', () => {
  it('without a policy: the defaults, with the rep’s own edits and playbooks', () => {
    const local: Playbook[] = [{ ...DEFAULT_PLAYBOOKS[0], enabled: false }, { ...custom, id: 'my-own' }];
    const result = effectivePlaybooks(local, undefined);
    // In the rep's order; a shipped default the rep never saved comes after.
    expect(result.map((p) => p.id)).toEqual(['competitive-defense', 'my-own', ...DEFAULT_PLAYBOOKS.slice(1).map((p) => p.id)]);
    expect(byId(result, 'competitive-defense')).toMatchObject({ enabled: false, source: 'default', setByTeam: false, lockedOn: false });
    expect(byId(result, 'my-own')).toMatchObject({ source: 'local', setByTeam: false });
  });

  it('policy wins over local toggles: enabled → on, locked → on and locked, disabled → off for good', () => {
    const local = DEFAULT_PLAYBOOKS.map((p) => ({ ...p, enabled: p.id === 'new-contact-onboarding' }));
    const result = effectivePlaybooks(local, {
      enabledPlaybooks: ['land-and-expand'],
      lockedPlaybooks: ['competitive-defense'],
      disabledPlaybooks: ['new-contact-onboarding'],
    });
    expect(byId(result, 'land-and-expand')).toMatchObject({ enabled: true, lockedOn: false, setByTeam: false });
    expect(byId(result, 'competitive-defense')).toMatchObject({ enabled: true, lockedOn: true, setByTeam: true });
    expect(byId(result, 'new-contact-onboarding')).toMatchObject({ enabled: false, disabledByTeam: true });
    expect(byId(result, 'trust-check-in')).toMatchObject({ enabled: false, disabledByTeam: false });
    expect(canToggle(byId(result, 'competitive-defense'))).toBe(false);
    expect(canToggle(byId(result, 'new-contact-onboarding'))).toBe(false);
    expect(canToggle(byId(result, 'trust-check-in'))).toBe(true);
  });

  it('adds the team’s custom playbooks (source team, set by team), replacing a local one with the same id', () => {
    const result = effectivePlaybooks([{ ...custom, name: 'Old local copy' }], { customPlaybooks: [custom] });
    expect(result.filter((p) => p.id === 'cocoa-season')).toHaveLength(1);
    expect(byId(result, 'cocoa-season')).toMatchObject({ name: 'Cocoa season', source: 'team', setByTeam: true });
  });

  it('ignores unknown ids and says so; disabled wins over locked', () => {
    const { playbooks, warnings } = resolvePlaybooks([], {
      lockedPlaybooks: ['competitive-defence', 'trust-check-in'],
      disabledPlaybooks: ['trust-check-in'],
    });
    expect(playbooks).toHaveLength(DEFAULT_PLAYBOOKS.length);
    expect(byId(playbooks, 'trust-check-in')).toMatchObject({ enabled: false, lockedOn: false, disabledByTeam: true });
    expect(warnings).toEqual([
      'lockedPlaybooks: no playbook with id "competitive-defence"; ignored',
      '"trust-check-in" is both locked and disabled by the team policy; disabled wins',
    ]);
  });

  it('keeps the order the rep saved (issue 17: "Move Trust check-in up" said "Order saved." and nothing moved)', () => {
    const ids = DEFAULT_PLAYBOOKS.map((p) => p.id);
    const trust = ids.indexOf('trust-check-in');
    const moved = [...DEFAULT_PLAYBOOKS];
    [moved[trust - 1], moved[trust]] = [moved[trust]!, moved[trust - 1]!];
    const imported = { ...custom, id: 'price-watch' };
    const local = [moved[0]!, imported, ...moved.slice(1)];
    const order = effectivePlaybooks(local, { customPlaybooks: [{ ...custom, id: 'team-only' }] }).map((p) => p.id);
    expect(order).toEqual([...local.map((p) => p.id), 'team-only']);
    expect(order.indexOf('trust-check-in')).toBe(trust); // one place up, after the imported playbook moved in front
  });

  it('does not change its input', () => {
    const local = [{ ...DEFAULT_PLAYBOOKS[0], enabled: false }];
    const before = JSON.stringify(local);
    effectivePlaybooks(local, { lockedPlaybooks: ['competitive-defense'] });
    expect(JSON.stringify(local)).toBe(before);
    expect(DEFAULT_PLAYBOOKS[0].enabled).toBe(true);
  });
});

describe('parseTeamPolicy', () => {
  it('takes absent keys and an absent policy in its stride', () => {
    expect(parseTeamPolicy(undefined)).toEqual({});
    expect(parseTeamPolicy({})).toEqual({ policy: {} });
    expect(parseTeamPolicy({ lockedPlaybooks: ['competitive-defense'] })).toEqual({ policy: { lockedPlaybooks: ['competitive-defense'] } });
  });

  it('keeps the good keys and names the bad ones', () => {
    const result = parseTeamPolicy({
      lockedPlaybooks: ['competitive-defense'],
      disabledPlaybooks: 'new-contact-onboarding',
      customPlaybooks: [custom, { ...custom, id: 'broken', questions: [{ ...custom.questions[0], signals: ['price'] }] }],
    });
    expect(result.policy?.lockedPlaybooks).toEqual(['competitive-defense']);
    expect(result.policy?.disabledPlaybooks).toBeUndefined();
    expect(result.policy?.customPlaybooks?.map((p) => p.id)).toEqual(['cocoa-season']);
    expect(result.error).toContain('disabledPlaybooks: ');
    expect(result.error).toContain('customPlaybooks[1].questions[0].signals[0]: unknown signal "price"');
  });

  it('reads capture: "off" turns remembering conversations off for the team; a bad value is named and left out', () => {
    // Before: the key was dropped on reading, so the policy never reached the sidebar (found by the journey e2e).
    expect(parseTeamPolicy({ capture: 'off' })).toEqual({ policy: { capture: 'off' } });
    expect(parseTeamPolicy({ capture: 'allowed', lockedPlaybooks: ['competitive-defense'] })).toEqual({ policy: { capture: 'allowed', lockedPlaybooks: ['competitive-defense'] } });
    const bad = parseTeamPolicy({ capture: 'never', lockedPlaybooks: ['competitive-defense'] });
    expect(bad.policy).toEqual({ lockedPlaybooks: ['competitive-defense'] });
    expect(bad.error).toContain('capture: ');
  });

  it('refuses what is not an object', () => {
    expect(parseTeamPolicy('lock everything').error).toBe('team policy: expected an object, got the text "lock everything"');
    expect(parseTeamPolicy([1]).error).toBe('team policy: expected an object, got a list');
  });
});
