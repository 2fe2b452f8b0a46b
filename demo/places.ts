// Countries the demo customers sit in: the name HubSpot's "Country/Region" column shows, cities, the web
// domain ending, the legal form an ERP appends to the customer name, and the language titles are written in.

export type Language = 'en' | 'de' | 'fr' | 'es' | 'nl' | 'it';

export interface Country {
  code: 'UK' | 'IE' | 'DE' | 'AT' | 'FR' | 'BE' | 'ES' | 'NL' | 'IT';
  name: string;
  cities: string[];
  tld: string;
  legalForm: string;
  language: Language;
  phonePrefix: string;
}

export const COUNTRIES: Record<Country['code'], Country> = {
  UK: { code: 'UK', name: 'United Kingdom', cities: ['Manchester', 'Leeds', 'Bristol', 'Birmingham', 'Glasgow', 'London', 'York'], tld: 'co.uk', legalForm: 'Ltd', language: 'en', phonePrefix: '+44' },
  IE: { code: 'IE', name: 'Ireland', cities: ['Dublin', 'Cork', 'Galway', 'Limerick'], tld: 'ie', legalForm: 'Ltd', language: 'en', phonePrefix: '+353' },
  DE: { code: 'DE', name: 'Germany', cities: ['Hamburg', 'Bremen', 'Köln', 'München', 'Stuttgart', 'Hannover', 'Leipzig', 'Kempten'], tld: 'de', legalForm: 'GmbH', language: 'de', phonePrefix: '+49' },
  AT: { code: 'AT', name: 'Austria', cities: ['Wien', 'Linz', 'Graz', 'Salzburg'], tld: 'at', legalForm: 'GmbH', language: 'de', phonePrefix: '+43' },
  FR: { code: 'FR', name: 'France', cities: ['Lyon', 'Lille', 'Nantes', 'Bordeaux', 'Toulouse', 'Rennes', 'Strasbourg'], tld: 'fr', legalForm: 'SAS', language: 'fr', phonePrefix: '+33' },
  BE: { code: 'BE', name: 'Belgium', cities: ['Antwerpen', 'Gent', 'Bruxelles', 'Liège'], tld: 'be', legalForm: 'NV', language: 'fr', phonePrefix: '+32' },
  ES: { code: 'ES', name: 'Spain', cities: ['Madrid', 'Barcelona', 'Valencia', 'Sevilla', 'Zaragoza', 'Bilbao'], tld: 'es', legalForm: 'S.L.', language: 'es', phonePrefix: '+34' },
  NL: { code: 'NL', name: 'Netherlands', cities: ['Rotterdam', 'Utrecht', 'Eindhoven', 'Amsterdam', 'Zwolle'], tld: 'nl', legalForm: 'B.V.', language: 'nl', phonePrefix: '+31' },
  IT: { code: 'IT', name: 'Italy', cities: ['Milano', 'Torino', 'Bologna', 'Verona', 'Parma'], tld: 'it', legalForm: 'S.r.l.', language: 'it', phonePrefix: '+39' },
};

/** "Süßwaren Hellwig" → "suesswaren-hellwig": ASCII letters and digits joined by dashes. */
export function slug(text: string, joiner = '-'): string {
  return text
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue').replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, joiner)
    .replace(new RegExp(`^\\${joiner}+|\\${joiner}+$`, 'g'), '');
}
