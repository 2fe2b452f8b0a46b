import { z } from 'zod';
import { Playbook, TeamPolicy } from '../model/playbook';
import { DEFAULT_PLAYBOOKS } from './defaults';
import { describeIssue } from './issues';

/** A playbook as the rep gets it, after the team's policy has had its say. */
export type EffectivePlaybook = Playbook & {
  /** Shown as "set by your team": locked on by policy, or added by the team. */
  setByTeam: boolean;
  /** On, and the rep cannot turn it off. */
  lockedOn: boolean;
  /** Off, and the rep cannot turn it on. */
  disabledByTeam: boolean;
  source: 'default' | 'local' | 'team';
};

export interface ResolvedPlaybooks {
  playbooks: EffectivePlaybook[];
  /** What in the policy was ignored or contradicted itself, in words for the Team settings page. */
  warnings: string[];
}

/**
 * The rep's playbooks with the team policy applied, in the rep's order. `local` is what the rep saved (edited defaults
 * and their own playbooks, in their order); a shipped default missing from it is added after them, so a new default
 * reaches everyone. Policy wins
 * over local toggles: enabledPlaybooks → on; lockedPlaybooks → on and locked; disabledPlaybooks → off for good
 * (and wins over a lock naming the same id); customPlaybooks are added, or replace a local one with the same id.
 */
export function resolvePlaybooks(local: readonly Playbook[], policy: TeamPolicy | undefined): ResolvedPlaybooks {
  const warnings: string[] = [];
  const byId = new Map<string, EffectivePlaybook>();
  const defaultIds = new Set(DEFAULT_PLAYBOOKS.map((p) => p.id));
  const fresh = (p: Playbook, source: EffectivePlaybook['source']): EffectivePlaybook => ({
    ...p,
    setByTeam: source === 'team',
    lockedOn: false,
    disabledByTeam: false,
    source,
  });
  // In the rep's saved order (a Map keeps the order of first insertion): the defaults first would undo every move.
  for (const p of local) byId.set(p.id, fresh(p, defaultIds.has(p.id) ? 'default' : 'local'));
  for (const p of DEFAULT_PLAYBOOKS) if (!byId.has(p.id)) byId.set(p.id, fresh(p, 'default'));
  for (const p of policy?.customPlaybooks ?? []) byId.set(p.id, fresh(p, 'team'));

  const apply = (key: 'enabledPlaybooks' | 'lockedPlaybooks' | 'disabledPlaybooks', change: (p: EffectivePlaybook) => void) => {
    for (const id of new Set(policy?.[key] ?? [])) {
      const playbook = byId.get(id);
      if (playbook) change(playbook);
      else warnings.push(`${key}: no playbook with id "${id}"; ignored`);
    }
  };
  apply('enabledPlaybooks', (p) => {
    p.enabled = true;
  });
  apply('lockedPlaybooks', (p) => {
    Object.assign(p, { enabled: true, lockedOn: true, setByTeam: true });
  });
  apply('disabledPlaybooks', (p) => {
    if (p.lockedOn) warnings.push(`"${p.id}" is both locked and disabled by the team policy; disabled wins`);
    Object.assign(p, { enabled: false, lockedOn: false, disabledByTeam: true });
  });
  return { playbooks: [...byId.values()], warnings };
}

export function effectivePlaybooks(local: readonly Playbook[], policy: TeamPolicy | undefined): EffectivePlaybook[] {
  return resolvePlaybooks(local, policy).playbooks;
}

/** Whether the rep may switch this playbook on or off in the options page. */
export function canToggle(playbook: EffectivePlaybook): boolean {
  return !playbook.lockedOn && !playbook.disabledByTeam;
}

const IdList = z.array(z.string().min(1).max(80));

/**
 * The team policy from chrome.storage.managed, read tolerantly: absent keys are fine, and a bad key (or one bad
 * custom playbook) is left out and named in `error` while the rest of the policy still applies.
 */
export function parseTeamPolicy(raw: unknown): { policy?: TeamPolicy; error?: string } {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) return { error: `team policy: expected an object, got ${kindOf(raw)}` };
  const input = raw as Record<string, unknown>;
  const policy: TeamPolicy = {};
  const problems: string[] = [];
  for (const key of ['enabledPlaybooks', 'lockedPlaybooks', 'disabledPlaybooks'] as const) {
    if (input[key] === undefined) continue;
    const parsed = IdList.safeParse(input[key], { reportInput: true });
    if (parsed.success) policy[key] = parsed.data;
    else problems.push(...parsed.error.issues.map((issue) => describeIssue(issue, [key])));
  }
  if (input.customPlaybooks !== undefined) {
    if (!Array.isArray(input.customPlaybooks)) {
      problems.push(`customPlaybooks: expected a list of playbooks, got ${kindOf(input.customPlaybooks)}`);
    } else {
      const kept: Playbook[] = [];
      input.customPlaybooks.forEach((candidate, index) => {
        const parsed = Playbook.safeParse(candidate, { reportInput: true });
        if (parsed.success) kept.push(parsed.data);
        else problems.push(...parsed.error.issues.map((issue) => describeIssue(issue, ['customPlaybooks', index])));
      });
      policy.customPlaybooks = kept;
    }
  }
  if (input.capture !== undefined) {
    const parsed = TeamPolicy.shape.capture.safeParse(input.capture, { reportInput: true });
    if (parsed.success) policy.capture = parsed.data;
    else problems.push(...parsed.error.issues.map((issue) => describeIssue(issue, ['capture'])));
  }
  const checked = TeamPolicy.safeParse(policy);
  if (!checked.success) return { error: checked.error.issues.map((issue) => describeIssue(issue)).join('; ') };
  return problems.length > 0 ? { policy: checked.data, error: problems.join('; ') } : { policy: checked.data };
}

export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? `the text ${JSON.stringify(value.slice(0, 40))}` : `a ${typeof value}`;
}
