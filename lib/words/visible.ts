// Characters a reader cannot see but that change what they read: bidi controls (an unterminated U+202E RIGHT-TO-LEFT
// OVERRIDE reverses the text after it, "Trojan Source", https://trojansource.codes/ and Unicode UTS #55), zero-width
// characters, and C0/C1 controls. Imported names are untrusted: the sidebar and the options page isolate every name
// (<bdi>, components/Name.tsx) and every name inside a sentence (isolate below); the Data page shows them visibly.

/** Bidi embeddings, overrides, isolates and marks (UAX #9 explicit formatting characters and implicit marks). */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/** Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo, … and their presentation forms). */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
/** Everything shown as ⟨U+XXXX⟩ on the Data page: C0 and C1 controls, DEL, bidi controls, zero-width and BOM. */
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

/**
 * A name as it goes into a sentence: between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE when it could reorder
 * the words around it (right-to-left letters or bidi controls), unchanged otherwise; the recommended way to insert
 * text of unknown direction (W3C, https://www.w3.org/International/questions/qa-bidi-unicode-controls). An isolate
 * closes every embedding or override opened inside it (UAX #9, rule X6a).
 */
export function isolate(name: string): string {
  return BIDI_CONTROLS.test(name) || RIGHT_TO_LEFT.test(name) ? `${FIRST_STRONG_ISOLATE}${name}${POP_DIRECTIONAL_ISOLATE}` : name;
}

/** True when the text holds a character the reader cannot see. */
export function hasHiddenCharacters(text: string): boolean {
  HIDDEN.lastIndex = 0;
  return HIDDEN.test(text);
}

/** "Acme\u202Eevil" → "Acme⟨U+202E⟩evil": every hidden character written out, for the Data page. */
export function showHiddenCharacters(text: string): string {
  return text.replace(HIDDEN, (c) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`);
}
