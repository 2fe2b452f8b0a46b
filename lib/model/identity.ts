// How people and companies are identified across CRMs, order logs and the page: one place, so that
// the importer, the matcher and the insights agree on what "the same account" means.

/** Consumer mailbox providers: an address there says nothing about the company a person works for. */
const FREE_MAIL_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.com', 'yahoo.co.uk', 'yahoo.fr', 'yahoo.de', 'yahoo.es', 'ymail.com',
  'hotmail.com', 'hotmail.co.uk', 'hotmail.fr', 'hotmail.de', 'hotmail.es', 'outlook.com', 'outlook.fr',
  'outlook.de', 'live.com', 'live.fr', 'live.de', 'msn.com', 'aol.com', 'icloud.com', 'me.com', 'mac.com',
  'proton.me', 'protonmail.com', 'pm.me', 'gmx.de', 'gmx.net', 'gmx.com', 'gmx.at', 'gmx.ch', 'web.de',
  't-online.de', 'freenet.de', 'orange.fr', 'wanadoo.fr', 'free.fr', 'laposte.net', 'sfr.fr', 'libero.it',
  'virgilio.it', 'mail.ru', 'yandex.ru', 'yandex.com', 'qq.com', '163.com', '126.com', 'zoho.com',
  'fastmail.com', 'hey.com', 'tutanota.com', 'mail.com', 'seznam.cz', 'wp.pl', 'o2.pl', 'interia.pl',
  'bluewin.ch', 'telefonica.net', 'terra.com.br', 'uol.com.br', 'bol.com.br', 'rediffmail.com',
]);

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain.toLowerCase());
}

const EMAIL = /^[^\s@<>()"',;:]+@([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+)$/i;

/** Lower-cased address, or undefined when the text is not a plausible single email address. */
export function normalizeEmail(text: string | undefined | null): string | undefined {
  if (!text) return undefined;
  const trimmed = text.trim().replace(/^mailto:/i, '').toLowerCase();
  return EMAIL.test(trimmed) && trimmed.length <= 254 ? trimmed : undefined;
}

export function domainOfEmail(email: string): string | undefined {
  const normalized = normalizeEmail(email);
  return normalized ? normalized.slice(normalized.indexOf('@') + 1) : undefined;
}

/** The company domain an address stands for; undefined for free-mail addresses. */
export function companyDomainOfEmail(email: string): string | undefined {
  const domain = domainOfEmail(email);
  return domain && !isFreeMailDomain(domain) ? domain : undefined;
}

/** "https://www.Acme.com/about" → "acme.com"; undefined when it is not a web address. */
export function domainFromWebsite(text: string | undefined | null): string | undefined {
  if (!text) return undefined;
  let candidate = text.trim().toLowerCase();
  if (!candidate) return undefined;
  if (!/^[a-z][a-z0-9+.-]*:\/\//.test(candidate)) candidate = `http://${candidate}`;
  try {
    const host = new URL(candidate).hostname.replace(/^www\d?\./, '').replace(/\.$/, '');
    return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) && !/^\d+(\.\d+)+$/.test(host) ? host : undefined;
  } catch {
    return undefined;
  }
}

// Legal forms, written without dots and spaces ("S.r.l." and "S. r. l." are both "srl"): dropped from the END of a
// name only, so that a word inside a name ("The Company Store") stays. Sources: the EU's list of company types
// (Directive (EU) 2017/1132, Annex I and II: GmbH, AG, KG, B.V., N.V., S.A., S.L., SAS, S.r.l., S.p.A., ...),
// Companies House (Ltd, PLC, LLP) and US state statutes (Inc., Corp., LLC, Co.).
const LEGAL_FORMS = new Set([
  'gmbh', 'mbh', 'ag', 'kg', 'kgaa', 'ohg', 'gbr', 'ug', 'haftungsbeschrankt', 'ek', 'ekfr', 'ekfm', 'ev', 'eg', 'se', 'co', 'cokg',
  'bv', 'nv', 'bvba', 'vof', 'cv', 'sa', 'sas', 'sasu', 'sarl', 'eurl', 'snc', 'sl', 'slu', 'sau', 'srl', 'srls', 'spa', 'sapa', 'snc', 'sas',
  'ltd', 'limited', 'plc', 'llp', 'lp', 'llc', 'pllc', 'inc', 'incorporated', 'corp', 'corporation', 'company', 'pty', 'pte',
  'ab', 'as', 'asa', 'aps', 'oy', 'oyj', 'kft', 'sro', 'spzoo', 'zoo', 'sp', 'doo', 'group', 'holding',
]);

/** Words that join two names ("Müller & Söhne", "Müller und Söhne", "Müller u. Söhne", "Mueller and Soehne"): not part of the key. */
const JOINERS = new Set(['and', 'und', 'u', 'en', 'et']);

/** German letters and ligatures whose ASCII spelling is two letters (ä/ae): folded to that spelling before accents go. */
const ASCII_SPELLING: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', þ: 'th' };

/** "https://www.acme.co.uk/about" → "acme.co.uk": a name typed as a web address is compared as that address's name. */
function withoutUrl(text: string): string {
  const bare = text.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^www\d?\./, '');
  // A whole name that is a host name ("Booking.com", "www.acme.de/"): the labels before the public suffix.
  const host = /^([a-z0-9-]+(?:\.[a-z0-9-]+)+)\/?[^\s]*$/.exec(bare);
  if (!host) return bare;
  const labels = host[1]!.split('.');
  const suffix = labels.length > 2 && labels[labels.length - 2]!.length <= 3 ? 2 : 1; // acme.co.uk, acme.com.au
  return labels.slice(0, Math.max(1, labels.length - suffix)).join(' ');
}

/**
 * "Bäckerei Schröder GmbH", "Baeckerei Schroeder", "BÄCKEREI SCHRÖDER G.m.b.H." and "www.baeckerei-schroeder.de" →
 * "baeckerei schroeder": for matching one company's name across files and on a page. Case, accents and their ASCII
 * spellings (ä/ae, ß/ss, é/e), punctuation, "&"/"and"/"und", a leading "the", URL prefixes and trailing legal forms
 * (GmbH & Co. KG, B.V., S.r.l., Inc., ...) do not count. A name made only of legal words keeps them.
 */
export function normalizeCompanyName(name: string): string {
  let text = name.trim().toLowerCase();
  text = text.replace(/[äöüßæœøđłþ]/g, (c) => ASCII_SPELLING[c] ?? c);
  text = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  text = withoutUrl(text);
  // Dotted abbreviations become one word: "s.r.l." → "srl", "g.m.b.h." → "gmbh", "s. a." → "sa".
  text = text.replace(/\b(?:[a-z]\.\s?){2,}/g, (m) => ` ${m.replace(/[.\s]/g, '')} `);
  text = text.replace(/&|\+/g, ' and ');
  const words = text.split(/[^a-z0-9]+/).filter((w) => w && !JOINERS.has(w));
  // "Sp. z o.o." and "A/S" split into pieces: rejoin the known ones.
  const joined = words.join(' ').replace(/\bsp z oo\b/g, 'spzoo').replace(/\ba s\b$/, 'as').replace(/\bs r o\b$/, 'sro').replace(/\bd o o\b$/, 'doo').split(' ').filter(Boolean);
  let end = joined.length;
  while (end > 1 && LEGAL_FORMS.has(joined[end - 1]!)) end--;
  let start = 0;
  if (joined[0] === 'the' && end - start > 1) start = 1;
  return joined.slice(start, end).join(' ');
}

/** The key an account is stored under: its domain, or its normalized name when no domain is known. */
export function accountKey(domain: string | undefined, name: string | undefined): string | undefined {
  if (domain) return domain;
  const normalized = name ? normalizeCompanyName(name) : '';
  return normalized ? `name:${normalized}` : undefined;
}

/** "Emma" for "Emma Clarke": the first word of a name, for a greeting. */
export const firstNameOf = (name: string): string | undefined => name.trim().split(/\s+/)[0] || undefined;

/** Text folded for search: accents and case do not count. */
export const foldForSearch = (text: string): string => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** The words of a search query, folded. */
export const searchWords = (query: string): string[] => foldForSearch(query).split(/\s+/).filter(Boolean);
