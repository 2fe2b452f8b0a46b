// Job title → how senior the person is and what they do. Rules over the vocabulary in ./vocabulary.ts.
import {
  ABBREVIATIONS,
  ASSISTANT_TO,
  FUNCTIONS,
  FUNCTION_WORDS,
  SENIORITIES,
  SENIORITY_WORDS,
  type Seniority,
  type TitleFunction,
} from './vocabulary';

export type { Seniority, TitleFunction } from './vocabulary';

export interface TitleClass {
  seniority: Seniority;
  functions: TitleFunction[];
}

const compile = (sources: readonly string[]) => new RegExp(sources.join('|'));
const SENIORITY_RULES = SENIORITY_WORDS.map(([level, sources]) => [level, compile(sources)] as const);
const FUNCTION_RULES = FUNCTION_WORDS.map(([fn, sources]) => [fn, compile(sources)] as const);

/** "Dir. of R&D – Qualitätssicherung" → "dir of rnd qualitatssicherung". */
export function normalizeTitle(title: string): string {
  let text = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/ß/g, 'ss');
  for (const [pattern, replacement] of ABBREVIATIONS) text = text.replace(pattern, replacement);
  return text.replace(/[^a-z0-9]+/g, ' ').trim();
}

const cache = new Map<string, TitleClass>();

export function classifyTitle(title: string): TitleClass {
  const cached = cache.get(title);
  if (cached) return { seniority: cached.seniority, functions: [...cached.functions] };
  const result = classifyUncached(title);
  if (cache.size > 10_000) cache.clear();
  cache.set(title, result);
  return { seniority: result.seniority, functions: [...result.functions] };
}

function classifyUncached(title: string): TitleClass {
  if (!title.trim()) return { seniority: 'unknown', functions: [] };
  const text = normalizeTitle(title);
  const assistant = ASSISTANT_TO.test(text);

  // SENIORITY_RULES run most senior first, so the first hit is the highest level: "Owner & Head Chef" is an owner.
  let seniority: Seniority = 'unknown';
  if (assistant) seniority = 'individual';
  else for (const [level, rule] of SENIORITY_RULES) if (rule.test(text)) { seniority = level; break; }

  let functions = FUNCTION_RULES.filter(([, rule]) => rule.test(text)).map(([fn]) => fn as TitleFunction);
  if (assistant) functions = functions.filter((fn) => fn !== 'executive');
  if (functions.length === 0) functions = ['other'];
  functions.sort((a, b) => FUNCTIONS.indexOf(a) - FUNCTIONS.indexOf(b));
  return { seniority, functions };
}

const RANK: Record<Seniority, number> = Object.fromEntries(
  SENIORITIES.map((level, i) => [level, level === 'unknown' ? 0 : SENIORITIES.length - 1 - i]),
) as Record<Seniority, number>;

/** executive 5, vp 4, director 3, manager 2, individual 1, unknown 0. */
export function seniorityRank(level: Seniority): number {
  return RANK[level];
}
