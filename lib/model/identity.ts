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

const LEGAL_SUFFIXES =
  /\b(incorporated|inc|corp|corporation|co|company|llc|l\.l\.c|ltd|limited|plc|gmbh|ag|kg|ohg|ug|sa|sas|sarl|s\.a|s\.l|sl|srl|spa|bv|nv|ab|as|oy|pty|pte|lp|llp|group)\b\.?/g;

/** "ACME, Inc." and "Acme" → "acme": for matching a company name shown on a page to an account. */
export function normalizeCompanyName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[.,'’"()]/g, ' ')
    .replace(LEGAL_SUFFIXES, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '');
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
