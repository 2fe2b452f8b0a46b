import { differenceInDays } from 'date-fns';
import type { SuggestedQuestion } from '../model/insight';
import { PLAYBOOK_VARIABLES, type Signal } from '../model/playbook';
import type { EffectivePlaybook } from './policy';

export type PlaybookVariable = (typeof PLAYBOOK_VARIABLES)[number];

export interface QuestionContext {
  /** From risk, people, expansion and the email on screen. */
  signals: readonly Signal[];
  vars: Partial<Record<PlaybookVariable, string>>;
  /** After team policy (effectivePlaybooks). */
  playbooks: readonly EffectivePlaybook[];
  /** Questions asked at this account. */
  history: readonly { questionId: string; playbookId: string; askedAt: string }[];
  /** ISO date-time: the engine never reads the clock. */
  now: string;
  /** Default 3. */
  limit?: number;
}

/** A question asked at this account this recently is not suggested again. */
export const REPEAT_AFTER_DAYS = 30;
/** Each further question from a playbook already chosen counts for a little less, so that the top few vary. */
const SAME_PLAYBOOK_DISCOUNT = 0.85;

const VARIABLE = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** The question with its {{variables}} filled in, or undefined when one of them has no value. */
export function fillQuestionText(text: string, vars: QuestionContext['vars']): string | undefined {
  let missing = false;
  const filled = text.replace(VARIABLE, (_, name: string) => {
    const value = (PLAYBOOK_VARIABLES as readonly string[]).includes(name) ? vars[name as PlaybookVariable]?.trim() : undefined;
    if (!value) missing = true;
    return value ?? '';
  });
  return missing || filled.includes('{{') ? undefined : filled;
}

/** Higher priority counts, but a strong signal behind a priority-3 question beats a faint one behind a 5. */
function weight(strength: number, priority: number, corroborating: number): number {
  return strength * (0.5 + priority / 10) + 0.03 * corroborating;
}

interface Candidate {
  suggestion: SuggestedQuestion;
  score: number;
  order: number;
}

/**
 * The questions to suggest for the account on screen, best first: each triggered by a signal (its reason is
 * the `why`), variables filled, nothing asked here in the last 30 days, no disabled playbook or question,
 * no question id twice. Deterministic: the same context gives the same list.
 */
export function discoveryQuestions(context: QuestionContext): SuggestedQuestion[] {
  const limit = context.limit ?? 3;
  if (limit <= 0 || context.signals.length === 0) return [];
  const now = Date.parse(context.now);
  const lastAsked = new Map<string, number>();
  for (const entry of context.history) {
    const at = Date.parse(entry.askedAt);
    if (Number.isFinite(at) && at > (lastAsked.get(entry.questionId) ?? -Infinity)) lastAsked.set(entry.questionId, at);
  }

  const best = new Map<string, Candidate>();
  let order = 0;
  for (const playbook of context.playbooks) {
    if (!playbook.enabled || playbook.disabledByTeam) continue;
    for (const question of playbook.questions) {
      order++;
      if (question.enabled === false) continue;
      const triggers = context.signals
        .filter((signal) => question.signals.includes(signal.kind))
        .sort((a, b) => b.strength - a.strength);
      if (triggers.length === 0) continue;
      const askedAt = lastAsked.get(question.id);
      const daysAgo = askedAt === undefined || !Number.isFinite(now) ? undefined : differenceInDays(now, askedAt);
      if (daysAgo !== undefined && daysAgo < REPEAT_AFTER_DAYS) continue;
      const text = fillQuestionText(question.text, context.vars);
      if (text === undefined) continue;
      const score = weight(triggers[0].strength, question.priority, new Set(triggers.map((t) => t.kind)).size - 1);
      const previous = best.get(question.id);
      if (previous && previous.score >= score) continue;
      best.set(question.id, {
        score,
        order,
        suggestion: {
          playbookId: playbook.id,
          playbookName: playbook.name,
          questionId: question.id,
          text,
          why: triggers[0].reason,
          setByTeam: playbook.setByTeam,
          ...(daysAgo !== undefined ? { lastAskedDaysAgo: daysAgo } : {}),
        },
      });
    }
  }

  // Greedy: take the best, then discount the rest of its playbook, and again.
  const pool = [...best.values()];
  const chosen: SuggestedQuestion[] = [];
  const picksPerPlaybook = new Map<string, number>();
  const adjusted = (c: Candidate) => c.score * SAME_PLAYBOOK_DISCOUNT ** (picksPerPlaybook.get(c.suggestion.playbookId) ?? 0);
  while (chosen.length < limit && pool.length > 0) {
    let top = 0;
    for (let i = 1; i < pool.length; i++) {
      const gap = adjusted(pool[i]) - adjusted(pool[top]);
      if (gap > 1e-9 || (Math.abs(gap) <= 1e-9 && pool[i].order < pool[top].order)) top = i;
    }
    const [picked] = pool.splice(top, 1);
    chosen.push(picked.suggestion);
    picksPerPlaybook.set(picked.suggestion.playbookId, (picksPerPlaybook.get(picked.suggestion.playbookId) ?? 0) + 1);
  }
  return chosen;
}
