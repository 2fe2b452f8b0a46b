// Finding the competitor's name in an email ("an offer from Givaudan", "Symrise hat uns ein Angebot
// gemacht") so that a question can say {{competitor}}. Names are told apart from other words by their
// capital letter, so the name part is matched case-sensitively while the words around it are not.

const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{N}&'’.-]*`;
const NAME = String.raw`${NAME_WORD}(?:[ \t]+(?:&[ \t]+)?${NAME_WORD}){0,2}`;

/** Words that lead to a name: "offer from ___", "Angebot von ___", "offre de ___", "oferta de ___". */
const LEAD_INS = [
  String.raw`\b(?:offers?|quotes?|quotations?|proposals?|bids?|prices?|pricing) from[ \t]+`,
  String.raw`\b(?:switch(?:ed|ing)?|mov(?:e|ed|ing)) (?:\w+ ){0,3}to[ \t]+`,
  String.raw`\b(?:buy(?:ing)?|bought|sourc(?:e|ing)) (?:\w+ ){0,2}from[ \t]+`,
  String.raw`\bcompetitors? (?:like|such as)[ \t]+`,
  String.raw`\b(?:approached|contacted) by[ \t]+`,
  String.raw`\bangebot(?:e)? (?:von|vom)[ \t]+`,
  String.raw`\bwechseln (?:\w+ ){0,3}zu[ \t]+`,
  String.raw`\b(?:offres?|devis|propositions?|prix) (?:de|du|chez)[ \t]+|\b(?:offres?|devis|propositions?) d['’]`,
  String.raw`\bpasser (?:\w+ ){0,2}chez[ \t]+`,
  String.raw`\b(?:ofertas?|cotizaci[oó]n(?:es)?|presupuestos?|propuestas?) (?:de|del)[ \t]+`,
].map((source) => new RegExp(source, 'giu'));

/** A name followed by what it did: "Givaudan has sent us", "Symrise hat uns", "Firmenich nous a". */
const NAME_THEN_VERB = new RegExp(
  String.raw`(${NAME})[ \t]+(?:(?:has|have|had|just|also|already)[ \t]+)*(?:sent|made|given|offered|quoted|approached)[ \t]+us\b|(${NAME})[ \t]+came[ \t]+in\b` +
    String.raw`|(${NAME})[ \t]+(?:is|are)[ \t]+(?:now[ \t]+|also[ \t]+)?(?:offering|quoting)\b` +
    String.raw`|(${NAME})[ \t]+(?:hat|haben|biete[nt])[ \t]+uns\b|(${NAME})[ \t]+nous[ \t]+(?:a|ont|propose|proposent)\b` +
    String.raw`|(${NAME})[ \t]+(?:nos[ \t]+(?:ha|han|ofrece|ofrecen)|se[ \t]+(?:ha|han)[ \t]+puesto[ \t]+en[ \t]+contacto)\b`,
  'gu',
);

const NAME_AT = new RegExp(NAME, 'uy');

/** Capitalised words that are not a company: articles, pronouns, days, months, generic nouns. */
const NOT_A_NAME = new Set(
  (
    'the a an our your their his her my we you they us them it this that these those another other one some any ' +
    'ein eine einem einen einer eines der die das dem den des unser unsere unserem unseren ihr ihre ihrem ihren ihnen euch dir mir sie wir es ' +
    'le la les l un une notre nos votre vos leur leurs nous vous ils elles ce cette ' +
    'el los las una uno nuestro nuestra nuestros su sus usted ustedes nosotros ellos este esta ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar ' +
    'marz märz juni juli oktober dezember lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier février ' +
    'mars avril mai juin juillet aout août septembre octobre novembre decembre décembre lunes martes miercoles miércoles ' +
    'jueves viernes sabado sábado domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre ' +
    'supplier suppliers vendor vendors competitor competitors competition lieferant lieferanten anbieter anbietern hersteller ' +
    'wettbewerb wettbewerber wettbewerbern mitbewerber konkurrenz konkurrent konkurrenten fournisseur fournisseurs ' +
    'concurrent concurrents concurrence proveedor proveedores competencia competidor competidores'
  ).split(' '),
);

function cleanName(raw: string): string | undefined {
  const words = raw.replace(/[.’']+$/u, '').split(/[ \t]+/);
  while (words.length > 0 && NOT_A_NAME.has(words[0].toLowerCase())) words.shift();
  while (words.length > 0 && NOT_A_NAME.has(words[words.length - 1].toLowerCase())) words.pop();
  if (words.length === 0 || words[0] === '&' || words.some((w) => NOT_A_NAME.has(w.toLowerCase()))) return undefined;
  const name = words.join(' ');
  return name.length >= 2 ? name : undefined;
}

/** The name that starts at `index` of `text` (after spaces), if there is one. */
export function competitorNameAt(text: string, index: number): { name: string; end: number } | undefined {
  let start = index;
  while (start < text.length && (text[start] === ' ' || text[start] === '\t')) start++;
  NAME_AT.lastIndex = start;
  const match = NAME_AT.exec(text);
  if (!match) return undefined;
  const name = cleanName(match[0]);
  return name ? { name, end: start + match[0].indexOf(name) + name.length } : undefined;
}

/** Where a name does something to us ("Döhler quoted us", "Kerry nous a"): offsets from the name to the end of the verb. */
export function namedActors(text: string): Array<{ name: string; start: number; end: number }> {
  const actors: Array<{ name: string; start: number; end: number }> = [];
  NAME_THEN_VERB.lastIndex = 0;
  for (let m = NAME_THEN_VERB.exec(text); m; m = NAME_THEN_VERB.exec(text)) {
    const raw = m.slice(1).find((group) => group !== undefined) ?? '';
    const name = cleanName(raw);
    if (name) actors.push({ name, start: m.index + m[0].indexOf(name), end: m.index + m[0].length });
  }
  return actors;
}

/** The competitor named in an email, e.g. "Givaudan" in "we have an offer from Givaudan"; undefined if none is named. */
export function extractCompetitor(text: string): string | undefined {
  let best: { name: string; at: number } | undefined;
  for (const leadIn of LEAD_INS) {
    leadIn.lastIndex = 0;
    for (let m = leadIn.exec(text); m; m = leadIn.exec(text)) {
      const found = competitorNameAt(text, m.index + m[0].length);
      if (found && (!best || m.index < best.at)) best = { name: found.name, at: m.index };
    }
  }
  for (const actor of namedActors(text)) if (!best || actor.start < best.at) best = { name: actor.name, at: actor.start };
  return best?.name;
}
