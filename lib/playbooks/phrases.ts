import { SIGNAL_KINDS } from '../model/playbook';
import type { SignalDraft } from './signals';
import { competitorNameAt, namedActors } from './competitor';
import {
  CLAUSE_BREAKS,
  CONCEPT_RULES,
  CONCEPTS,
  NEGATORS,
  PHRASE_PATTERNS,
  SUPPRESSED_BY,
  type ConceptName,
  type ConceptRule,
  type EmailSignalKind,
} from './phrase-lexicon';

export { extractCompetitor } from './competitor';
export type { EmailSignalKind } from './phrase-lexicon';

/** Lower-cased, accent-free text for matching, with where each of its characters came from in the original. */
interface MatchableText {
  text: string;
  /** For each character of `text`: its start and end offsets in the original. */
  from: number[];
  to: number[];
}

const APOSTROPHES = new Set(['’', '‘', 'ʼ', '`', '´']);

export function matchableText(original: string): MatchableText {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < original.length; ) {
    const ch = String.fromCodePoint(original.codePointAt(i)!);
    const next = i + ch.length;
    let out: string;
    if (/\s/u.test(ch)) out = text.endsWith(' ') || text === '' ? '' : ' ';
    else if (ch === 'ß') out = 'ss';
    else if (APOSTROPHES.has(ch)) out = "'";
    else out = ch.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
    for (let k = 0; k < out.length; k++) {
      text += out[k];
      from.push(i);
      to.push(next);
    }
    i = next;
  }
  return { text, from, to };
}

const TOKEN = /[\p{L}\p{N}']+|,/gu;
const NEGATION_REACH = 4;

function isNegator(token: string): boolean {
  return NEGATORS.has(token) || token.endsWith("n't") || token.startsWith("n'");
}

/** "no complaints", "keine Verzögerung", "nous ne revoyons pas nos fournisseurs": a negation just before, or inside, the phrase. */
function isNegated(text: string, start: number, end: number): boolean {
  if ((text.slice(start, end).match(TOKEN) ?? []).some(isNegator)) return true;
  const before = text.slice(Math.max(0, start - 120), start);
  const clause = before.slice(Math.max(...['.', '!', '?', ';', ':', '¿', '¡'].map((p) => before.lastIndexOf(p))) + 1);
  const tokens = clause.match(TOKEN) ?? [];
  let words = 0;
  for (let i = tokens.length - 1; i >= 0 && words < NEGATION_REACH; i--) {
    const token = tokens[i];
    if (token === ',') continue;
    if (CLAUSE_BREAKS.has(token)) return false;
    words++;
    // "No, the shipment is late": a "no" standing alone answers something else.
    if (isNegator(token) && tokens[i + 1] !== ',') return true;
  }
  return false;
}

// Quoted history says what was written before, often by us: only the new part of a reply counts.
// Reply headers as Gmail, Outlook and Apple Mail write them in the four languages; "> " quoting per RFC 3676.
const REPLY_HEADER =
  /^[ \t]*(?:On .{1,200} wrote:|Am .{1,200} schrieb .{1,200}:|Le .{1,200} a écrit ?:|El .{1,200} escribió:|-{2,} ?(?:Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original) ?-{2,})[ \t]*$/imu;

export function withoutQuotedReply(body: string): string {
  const header = REPLY_HEADER.exec(body);
  const fresh = header ? body.slice(0, header.index) : body;
  return fresh
    .split('\n')
    .filter((line) => !/^[ \t]*>/.test(line))
    .join('\n');
}

/** What a person writes in one reply fits in this; past it (pasted reports, logs) the scan would only cost time. */
const MAX_SCANNED_CHARS = 20_000;

interface Evidence {
  strength: number;
  /** The words quoted in the reason, each with where it sits in its text (overlapping finds keep the longer one). */
  phrases: Array<{ text: string; source: number; from: number; to: number }>;
}

type Found = Map<EmailSignalKind, Evidence>;

function addEvidence(found: Found, kind: EmailSignalKind, strength: number, original: string, source: number, from: number, to: number): void {
  const text = original.slice(from, to).replace(/\s+/g, ' ').trim();
  const evidence = found.get(kind) ?? { strength: 0, phrases: [] };
  evidence.strength = Math.max(evidence.strength, strength);
  const overlapping = evidence.phrases.filter((p) => p.source === source && p.from < to && from < p.to);
  const sameWords = evidence.phrases.some((p) => p.text.toLowerCase() === text.toLowerCase());
  if (!sameWords && overlapping.every((p) => to - from > p.to - p.from)) {
    const at = overlapping.length > 0 ? evidence.phrases.indexOf(overlapping[0]) : evidence.phrases.length;
    evidence.phrases.splice(at, overlapping.length > 0 ? 1 : 0, { text, source, from, to });
    evidence.phrases = evidence.phrases.filter((p, i) => i === at || !overlapping.includes(p));
  }
  found.set(kind, evidence);
}

const CONCEPT_RES = Object.fromEntries(
  Object.entries(CONCEPTS).map(([name, source]) => [name, new RegExp(String.raw`\b(?:${source})\b`, 'g')]),
) as Record<Exclude<ConceptName, 'namedActor'>, RegExp>;

/** Where clauses end: sentence punctuation (a full stop only before a space or the end, not in "1.200"). */
const CLAUSE_END = /[!?;:¿¡]|\.(?= |$)/g;
const WORD = /[\p{L}\p{N}]+/gu;
const SECOND_PERSON = new RegExp(String.raw`\b(?:${CONCEPTS.secondPerson})(?: \w+)? $`);

interface Hit {
  start: number;
  end: number;
  /** Index of the hit's first word, and of its clause. */
  word: number;
  clause: number;
}

/** Word and clause numbers for every character of the matchable text. */
function layout(text: string): { wordAt: Int32Array; clauseAt: Int32Array } {
  const wordAt = new Int32Array(text.length + 1);
  const clauseAt = new Int32Array(text.length + 1);
  const wordStarts: number[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) wordStarts.push(m.index);
  const ends: number[] = [];
  CLAUSE_END.lastIndex = 0;
  for (let m = CLAUSE_END.exec(text); m; m = CLAUSE_END.exec(text)) ends.push(m.index);
  for (let i = 0, w = 0, c = 0; i <= text.length; i++) {
    while (w < wordStarts.length && wordStarts[w] <= i) w++;
    while (c < ends.length && ends[c] < i) c++;
    wordAt[i] = Math.max(0, w - 1);
    clauseAt[i] = c;
  }
  return { wordAt, clauseAt };
}

interface Concepts {
  /** Every place a concept occurs, found on first ask. */
  hitsOf: (name: ConceptName) => Hit[];
  /** The same, in one clause. */
  hitsIn: (name: ConceptName, clause: number) => Hit[];
  /** Word and clause of a stretch of the matchable text. */
  place: (start: number, end: number) => Hit;
}

function conceptsIn(original: string, matchable: MatchableText): Concepts {
  const { text, from } = matchable;
  const { wordAt, clauseAt } = layout(text);
  const hit = (start: number, end: number): Hit => ({ start, end, word: wordAt[start], clause: clauseAt[start] });
  const cache = new Map<ConceptName, Hit[]>();
  const hitsOf = (name: ConceptName): Hit[] => {
    let hits = cache.get(name);
    if (hits) return hits;
    hits = [];
    if (name === 'namedActor') {
      // Names are found in the original (they need their capital letter); map back to matchable offsets.
      const actors = namedActors(original);
      if (actors.length > 0) {
        const at = (offset: number) => {
          const i = from.findIndex((f) => f >= offset);
          return i === -1 ? text.length : i;
        };
        for (const actor of actors) hits.push(hit(at(actor.start), at(actor.end)));
      }
    } else {
      const re = CONCEPT_RES[name];
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0].length === 0) re.lastIndex++;
        else hits.push(hit(m.index, m.index + m[0].length));
      }
    }
    cache.set(name, hits);
    return hits;
  };
  const byClause = new Map<ConceptName, Map<number, Hit[]>>();
  const hitsIn = (name: ConceptName, clause: number): Hit[] => {
    let clauses = byClause.get(name);
    if (!clauses) {
      clauses = new Map();
      for (const h of hitsOf(name)) clauses.set(h.clause, [...(clauses.get(h.clause) ?? []), h]);
      byClause.set(name, clauses);
    }
    return clauses.get(clause) ?? [];
  };
  return { hitsOf, hitsIn, place: hit };
}

/** The hit of any of `names` in `anchor`'s clause nearest to it, in words. */
function nearest({ hitsIn }: Concepts, names: ConceptName | ConceptName[], anchor: Hit): Hit | undefined {
  let best: Hit | undefined;
  for (const name of Array.isArray(names) ? names : [names]) {
    for (const h of hitsIn(name, anchor.clause)) {
      if (!best || Math.abs(h.word - anchor.word) < Math.abs(best.word - anchor.word)) best = h;
    }
  }
  return best;
}

function applyRule(rule: ConceptRule, text: string, concepts: Concepts): Array<{ start: number; end: number }> {
  const [first, ...rest] = rule.all;
  const matches: Array<{ start: number; end: number }> = [];
  for (const name of Array.isArray(first) ? first : [first]) {
    for (const anchor of concepts.hitsOf(name)) {
      const parts = [anchor];
      for (const other of rest) {
        const h = nearest(concepts, other, anchor);
        if (h) parts.push(h);
      }
      if (parts.length !== rule.all.length) continue;
      const lowWord = Math.min(...parts.map((p) => p.word));
      const highWord = Math.max(...parts.map((p) => p.word));
      if (highWord - lowWord > rule.window) continue;
      const start = Math.min(...parts.map((p) => p.start));
      const end = Math.max(...parts.map((p) => p.end));
      if (rule.notAfterYou && SECOND_PERSON.test(text.slice(Math.max(0, anchor.start - 24), anchor.start))) continue;
      if (!rule.selfNegating && isNegated(text, start, end)) continue;
      matches.push({ start, end });
    }
  }
  return matches;
}

/** Whether a find of `kind` at [start, end) is about something else ("the delay in getting back to you"). */
function isSuppressed(kind: EmailSignalKind, start: number, end: number, { hitsIn, place }: Concepts): boolean {
  const suppression = SUPPRESSED_BY[kind];
  if (!suppression) return false;
  const first = place(start, end);
  const last = place(Math.max(start, end - 1), end);
  return suppression.concepts.some((name) =>
    hitsIn(name, first.clause).some((h) => h.word >= first.word - suppression.reach && h.word <= last.word + suppression.reach),
  );
}

function collect(original: string, source: number, found: Found): void {
  const matchable = matchableText(original);
  const { text, from, to } = matchable;
  if (!text) return;
  const concepts = conceptsIn(original, matchable);
  for (const pattern of PHRASE_PATTERNS) {
    pattern.re.lastIndex = 0;
    for (let m = pattern.re.exec(text); m; m = pattern.re.exec(text)) {
      if (m[0].length === 0) {
        pattern.re.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + m[0].trimEnd().length;
      let phraseEnd = to[end - 1];
      if (pattern.name) {
        const name = competitorNameAt(original, to[start + m[0].length - 1]);
        if (pattern.name === 'required' && !name) continue;
        if (name) phraseEnd = name.end;
      }
      if (!pattern.selfNegating && isNegated(text, start, end)) continue;
      if (isSuppressed(pattern.kind, start, end, concepts)) continue;
      addEvidence(found, pattern.kind, pattern.strength, original, source, from[start], phraseEnd);
    }
  }
  for (const rule of CONCEPT_RULES) {
    for (const { start, end } of applyRule(rule, text, concepts)) {
      if (!isSuppressed(rule.kind, start, end, concepts)) addEvidence(found, rule.kind, rule.strength, original, source, from[start], to[end - 1]);
    }
  }
}

/**
 * Signals an email gives in English, German, French or Spanish: a competitor or price talk, a delay, a
 * supplier review, a complaint, an order change. Each signal carries the words found (at most two), which
 * lib/words/signals.ts quotes ('mentions "a cheaper offer"').
 */
export function detectEmailSignals(text: string, subject?: string): SignalDraft[] {
  const found: Found = new Map();
  if (subject) collect(subject, 0, found);
  collect(withoutQuotedReply(text ?? '').slice(0, MAX_SCANNED_CHARS), 1, found);
  return [...found.entries()]
    .map(([kind, { strength, phrases }]) => ({
      kind,
      // A second, different phrase for the same thing makes it a little more certain.
      strength: Math.min(0.95, strength + 0.05 * (phrases.length - 1)),
      about: { type: 'email' as const, phrases: phrases.slice(0, 2).map((p) => p.text) },
    }))
    .sort((a, b) => b.strength - a.strength || SIGNAL_KINDS.indexOf(a.kind) - SIGNAL_KINDS.indexOf(b.kind));
}
