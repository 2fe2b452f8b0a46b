import { SIGNAL_KINDS, type Signal } from '../model/playbook';
import { competitorNameAt } from './competitor';
import { CLAUSE_BREAKS, NEGATORS, PHRASE_PATTERNS, type EmailSignalKind } from './phrase-lexicon';

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
  phrases: string[];
}

function collect(original: string, found: Map<EmailSignalKind, Evidence>): void {
  const { text, from, to } = matchableText(original);
  if (!text) return;
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
      const phrase = original.slice(from[start], phraseEnd).replace(/\s+/g, ' ').trim();
      const evidence = found.get(pattern.kind) ?? { strength: 0, phrases: [] };
      evidence.strength = Math.max(evidence.strength, pattern.strength);
      if (!evidence.phrases.some((p) => p.toLowerCase() === phrase.toLowerCase())) evidence.phrases.push(phrase);
      found.set(pattern.kind, evidence);
    }
  }
}

/**
 * Signals an email gives in English, German, French or Spanish: a competitor or price talk, a delay, a
 * supplier review, a complaint, an order change. Each reason quotes the words found ('mentions "a cheaper offer"').
 */
export function detectEmailSignals(text: string, subject?: string): Signal[] {
  const found = new Map<EmailSignalKind, Evidence>();
  if (subject) collect(subject, found);
  collect(withoutQuotedReply(text ?? '').slice(0, MAX_SCANNED_CHARS), found);
  return [...found.entries()]
    .map(([kind, { strength, phrases }]) => ({
      kind,
      // A second, different phrase for the same thing makes it a little more certain.
      strength: Math.min(0.95, strength + 0.05 * (phrases.length - 1)),
      reason: `mentions ${phrases
        .slice(0, 2)
        .map((p) => `"${p}"`)
        .join(' and ')}`,
    }))
    .sort((a, b) => b.strength - a.strength || SIGNAL_KINDS.indexOf(a.kind) - SIGNAL_KINDS.indexOf(b.kind));
}
