import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectEmailSignals, extractCompetitor, withoutQuotedReply } from '../../../lib/playbooks/phrases';
import { EMAIL_SIGNAL_KINDS, type EmailSignalKind } from '../../../lib/playbooks/phrase-lexicon';
import type { SignalDraft } from '../../../lib/playbooks/signals';
import { signalReason } from '../../../lib/words/signals';

/** The reason a rep reads for an email signal (the signal carries the phrases, lib/words quotes them). */
const reasonOf = (signal: SignalDraft | undefined): string | undefined => signal && signalReason(signal.about, { accountName: 'Acme', today: '2026-01-01' });

interface Labelled {
  lang: 'en' | 'de' | 'fr' | 'es';
  text: string;
  signals: EmailSignalKind[];
  competitor?: string;
}

const KINDS = EMAIL_SIGNAL_KINDS;

function load(name: string): Labelled[] {
  return JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8')).sentences;
}

interface Score {
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
}

function measure(sentences: Labelled[]): { perKind: Record<EmailSignalKind, Score>; competitorsRight: number; competitorsAsked: number } {
  const counts = Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<EmailSignalKind, { tp: number; fp: number; fn: number }>;
  let competitorsRight = 0;
  for (const sentence of sentences) {
    const found = new Set(detectEmailSignals(sentence.text).map((s) => s.kind));
    for (const kind of KINDS) {
      const expected = sentence.signals.includes(kind);
      if (found.has(kind) && expected) counts[kind].tp++;
      else if (found.has(kind)) counts[kind].fp++;
      else if (expected) counts[kind].fn++;
    }
    if ((extractCompetitor(sentence.text) ?? null) === (sentence.competitor ?? null)) competitorsRight++;
  }
  const perKind = Object.fromEntries(
    KINDS.map((k) => {
      const { tp, fp, fn } = counts[k];
      return [k, { tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) }];
    }),
  ) as Record<EmailSignalKind, Score>;
  return { perKind, competitorsRight, competitorsAsked: sentences.length };
}

function overall(result: ReturnType<typeof measure>): { precision: number; recall: number } {
  const sum = (key: 'tp' | 'fp' | 'fn') => KINDS.reduce((total, k) => total + result.perKind[k][key], 0);
  return { precision: sum('tp') / (sum('tp') + sum('fp')), recall: sum('tp') / (sum('tp') + sum('fn')) };
}

function report(title: string, sentences: Labelled[]): ReturnType<typeof measure> {
  const result = measure(sentences);
  const langs = [...new Set(sentences.map((s) => s.lang))].join('/');
  const lines = KINDS.map((k) => {
    const s = result.perKind[k];
    return `  ${k.padEnd(26)} precision ${s.precision.toFixed(2)}  recall ${s.recall.toFixed(2)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
  });
  const all = overall(result);
  console.log(
    `${title}: ${sentences.length} sentences (${langs}), ${sentences.filter((s) => s.signals.length === 0).length} without a signal\n` +
      `${lines.join('\n')}\n  ${'all signals'.padEnd(26)} precision ${all.precision.toFixed(2)}  recall ${all.recall.toFixed(2)}\n` +
      `  competitor name right in ${result.competitorsRight}/${result.competitorsAsked}`,
  );
  return result;
}

describe('detectEmailSignals: accuracy on labelled sentences in four languages', () => {
  const labelled = load('email-phrases.labelled.json');
  const heldOut = load('email-phrases.heldout.json');

  it('has at least 150 labelled sentences in each of en, de, fr, es, with negatives', () => {
    expect(labelled.length).toBeGreaterThanOrEqual(150);
    for (const lang of ['en', 'de', 'fr', 'es']) {
      expect(labelled.filter((s) => s.lang === lang).length).toBeGreaterThanOrEqual(30);
      expect(labelled.filter((s) => s.lang === lang && s.signals.length === 0).length).toBeGreaterThanOrEqual(10);
    }
  });

  it('reaches the floor on the tuning set (precision and recall >= 0.9 per signal)', () => {
    const { perKind, competitorsRight, competitorsAsked } = report('tuning set', labelled);
    for (const kind of KINDS) {
      expect(perKind[kind].precision, kind).toBeGreaterThanOrEqual(0.9);
      expect(perKind[kind].recall, kind).toBeGreaterThanOrEqual(0.9);
    }
    expect(competitorsRight / competitorsAsked).toBeGreaterThanOrEqual(0.95);
  });

  it('reaches the floor on the second set (first measured at recall ~0.4 before it was used for tuning)', () => {
    const { perKind } = report('second set (since used for tuning)', heldOut);
    for (const kind of KINDS) {
      expect(perKind[kind].precision, kind).toBeGreaterThanOrEqual(0.9);
      expect(perKind[kind].recall, kind).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('reaches the floor on the fresh set (recall 0.00 with the phrase list alone; since used to shape the concepts)', () => {
    // History: the exact-phrase lexicon scored recall 0 here. The compositional concepts were written with
    // these sentences in view; first measured at precision 0.96 / recall 0.96, so this is no longer unseen text.
    const fresh = load('email-phrases.fresh.json');
    const result = report('fresh set (since used for development)', fresh);
    for (const kind of KINDS) {
      expect(result.perKind[kind].precision, kind).toBeGreaterThanOrEqual(0.8);
      expect(result.perKind[kind].recall, kind).toBeGreaterThanOrEqual(0.75);
    }
    expect(result.competitorsRight / result.competitorsAsked).toBeGreaterThanOrEqual(0.9);
  });
});

describe('detectEmailSignals: the blind set (never tuned on)', () => {
  // email-phrases.blind.json was written and committed before the compositional rules and is never used to
  // adjust them. Phrase list alone: precision 0.88, recall 0.23. First measurement with the concepts: 0.97 / 0.98;
  // after one generic fix found by probing new sentences (an apology for a slow reply is not a delay): 0.99 / 0.98.
  // Caveat: the same author wrote the set and the vocabulary, so it overstates how unseen wording will fare.
  const blind = load('email-phrases.blind.json');

  it('has at least 120 sentences, at least 25 per language, about 40% without a signal', () => {
    expect(blind.length).toBeGreaterThanOrEqual(120);
    for (const lang of ['en', 'de', 'fr', 'es']) expect(blind.filter((s) => s.lang === lang).length, lang).toBeGreaterThanOrEqual(25);
    const withoutSignal = blind.filter((s) => s.signals.length === 0).length / blind.length;
    expect(withoutSignal).toBeGreaterThanOrEqual(0.35);
    expect(withoutSignal).toBeLessThanOrEqual(0.45);
  });

  it('reaches the floor: overall precision and recall >= 0.9, each signal precision >= 0.8 and recall >= 0.85', () => {
    const result = report('blind set (never tuned on)', blind);
    const all = overall(result);
    expect(all.precision).toBeGreaterThanOrEqual(0.9);
    expect(all.recall).toBeGreaterThanOrEqual(0.9);
    for (const kind of KINDS) {
      expect(result.perKind[kind].precision, kind).toBeGreaterThanOrEqual(0.8);
      expect(result.perKind[kind].recall, kind).toBeGreaterThanOrEqual(0.85);
    }
    expect(result.competitorsRight / result.competitorsAsked).toBeGreaterThanOrEqual(0.9);
  });

  it('stays silent on every hard negative of the blind set', () => {
    const silent = blind.filter((s) => s.signals.length === 0);
    const noisy = silent.filter((s) => detectEmailSignals(s.text).length > 0).map((s) => s.text);
    expect(noisy.length, noisy.join(' | ')).toBeLessThanOrEqual(2);
  });
});

describe('detectEmailSignals: behaviour', () => {
  it('quotes the words found in the reason', () => {
    const signals = detectEmailSignals('Hi Anna, we received a cheaper offer for the vanilla extract.');
    expect(reasonOf(signals.find((s) => s.kind === 'email-competitor'))).toBe('mentions "a cheaper offer"');
    expect(reasonOf(signals.find((s) => s.kind === 'email-price'))).toBe('mentions "cheaper"');
  });

  it('quotes the competitor with the offer', () => {
    const [signal] = detectEmailSignals('We now have an offer from Givaudan on the table.');
    expect(signal?.kind).toBe('email-competitor');
    expect(reasonOf(signal)).toBe('mentions "an offer from Givaudan"');
    expect(reasonOf(detectEmailSignals('Tenemos una oferta de Symrise.')[0])).toBe('mentions "una oferta de Symrise"');
  });

  it('ignores "une offre de 10 %" (the French "offre de" needs a name after it)', () => {
    expect(detectEmailSignals('Nous préparons une offre de lancement pour nos clients.')).toEqual([]);
  });

  it('handles negation: "no complaints", "keine Verzögerung", "aucun retard", "sin demora"', () => {
    for (const text of ['No complaints at all.', 'Es gab keine Verzögerung.', "Il n'y a eu aucun retard.", 'Enviado sin demora.']) {
      expect(detectEmailSignals(text), text).toEqual([]);
    }
    expect(detectEmailSignals('No, the shipment is delayed again.').map((s) => s.kind)).toEqual(['email-delay']);
    expect(detectEmailSignals('No problem with the price, but the delivery is delayed.').map((s) => s.kind)).toEqual(['email-delay']);
  });

  it('reads the subject too', () => {
    expect(detectEmailSignals('See below.', 'Complaint: lot 2231').map((s) => s.kind)).toEqual(['email-complaint']);
  });

  it('ignores quoted history below the reply', () => {
    const body = 'Thanks, all good.\n\nOn Mon, 3 Mar 2025 at 10:02, Anna <anna@example.com> wrote:\n> Sorry for the delay on the cocoa.';
    expect(withoutQuotedReply(body)).toBe('Thanks, all good.\n\n');
    expect(detectEmailSignals(body)).toEqual([]);
    expect(detectEmailSignals('Fine.\n> the delivery is delayed')).toEqual([]);
  });

  it('matches across line wraps, curly apostrophes and missing accents', () => {
    expect(detectEmailSignals('We still haven’t\nreceived the pallets.').map((s) => s.kind)).toEqual(['email-delay']);
    expect(detectEmailSignals('Quiero presentar una reclamacion.').map((s) => s.kind)).toEqual(['email-complaint']);
  });

  it('gives one signal per kind, strongest first, strengths within 0..1', () => {
    const signals = detectEmailSignals('The delivery is delayed. We are still waiting and not happy; the shipment is late again.');
    expect(new Set(signals.map((s) => s.kind)).size).toBe(signals.length);
    for (let i = 1; i < signals.length; i++) expect(signals[i - 1].strength).toBeGreaterThanOrEqual(signals[i].strength);
    for (const s of signals) expect(s.strength).toBeGreaterThan(0), expect(s.strength).toBeLessThanOrEqual(1);
  });

  it('catches wordings no phrase lists, by concepts within a few words of one clause', () => {
    const kinds = (text: string) => detectEmailSignals(text).map((s) => s.kind).sort();
    expect(kinds('Ein anderer Hersteller ist deutlich billiger.')).toEqual(['email-competitor', 'email-price']);
    expect(kinds('Can you sharpen the price per tonne a little?')).toEqual(['email-price']);
    expect(kinds('Les palettes sont arrivées trouées et humides.')).toEqual(['email-complaint']);
    expect(kinds('Necesitamos reducir el volumen del pedido de marzo.')).toEqual(['email-order-change']);
    expect(kinds('Wir suchen nach einem neuen Lieferanten für Kakao.')).toEqual(['email-competitor', 'email-reviewing-suppliers']);
    expect(kinds('Die Ware ist immer noch nicht da und wir warten noch.')).toEqual(['email-delay']);
  });

  it('quotes the span from the first to the last word of a composed find', () => {
    expect(reasonOf(detectEmailSignals('Can you sharpen the price per tonne a little?')[0])).toBe('mentions "sharpen the price"');
    expect(reasonOf(detectEmailSignals('Pourriez-vous avancer notre commande de mai ?')[0])).toBe('mentions "Pourriez-vous avancer notre commande"');
  });

  it('keeps quiet on near misses: neutral price, delivery and supplier talk', () => {
    for (const text of [
      'The price per kilo is the same as last year.',
      'Please find attached our purchase order 4471.',
      'The pallets were delivered on time, thanks.',
      'We will move to a new ERP system next month.',
      'Hemos recibido el pedido sin incidencias.',
      'Sorry for the delay in getting back to you.',
    ]) {
      expect(detectEmailSignals(text), text).toEqual([]);
    }
  });

  it('does not take our own offer for a competitor ("you quoted us")', () => {
    const kinds = detectEmailSignals('You quoted us a lower price last year, thanks.').map((s) => s.kind);
    expect(kinds).not.toContain('email-competitor');
  });

  it('reads a named company offering something as a competitor', () => {
    const signal = detectEmailSignals('Tate & Lyle is offering a better deal on glucose.').find((s) => s.kind === 'email-competitor');
    expect(reasonOf(signal)).toContain('Tate & Lyle is offering');
    expect(extractCompetitor('Tate & Lyle is offering a better deal on glucose.')).toBe('Tate & Lyle');
  });

  it('returns nothing for an empty email', () => {
    expect(detectEmailSignals('')).toEqual([]);
  });
});

describe('extractCompetitor', () => {
  it.each([
    ['an offer from Givaudan', 'Givaudan'],
    ['We got a quote from Barry Callebaut last week.', 'Barry Callebaut'],
    ['Symrise hat uns ein Angebot gemacht.', 'Symrise'],
    ['Uns liegt ein Angebot von Firmenich vor.', 'Firmenich'],
    ["Nous avons reçu une offre d'IFF.", 'IFF'],
    ['Tate & Lyle offered us a better deal.', 'Tate & Lyle'],
    ['Tenemos una oferta de Kerry.', 'Kerry'],
  ])('%s → %s', (text, name) => {
    expect(extractCompetitor(text)).toBe(name);
  });

  it.each([
    'We have an offer from another supplier.',
    'Ein Angebot vom Wettbewerb liegt vor.',
    'Thanks for the offer from you and the team.',
    'We had a quote from Monday.',
    'Une offre de lancement.',
  ])('finds no name in "%s"', (text) => {
    expect(extractCompetitor(text)).toBeUndefined();
  });
});
