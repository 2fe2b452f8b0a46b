import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageContext } from '../../../lib/model/page';
import { recognizePage, setSelfHostedCrms } from '../../../lib/sites';
import { CRM_SITES } from '../../../lib/sites/crm';
import type { RecordSelectors } from '../../../lib/sites/crm/types';
import { docFrom, fixture, FIXTURES } from './helpers';

// CRM record-page selectors as data (lib/sites/crm/selectors/*.ts), checked like Gmail's: every selector matches exactly
// its `checkedAgainst` count on each fixture page (tests/fixtures/sites/crm/*.html), every selector meets a DOM where it
// matches, and recognizePage reads each fixture into the PageContext written below.

type Expected = Omit<PageContext, 'reason' | 'subject' | 'bodyText'>;
const ME = { email: 'sam@seller.com', role: 'mentioned' } as const;

const PAGES: Record<string, { url: string; expect: Expected }> = {
  'hubspot-contact.html': {
    url: 'https://app.hubspot.com/contacts/24681357/record/0-1/901',
    expect: {
      site: 'hubspot', view: 'record', record: { crm: 'hubspot', objectType: 'contact', recordId: '901' },
      people: [{ email: 'ana@northwind-foods.com', name: 'Ana Lopez', role: 'record' }, ME, { email: 'carl@northwind-foods.com', role: 'mentioned' }],
      companyName: 'Northwind Foods', companyDomain: 'northwind-foods.com',
    },
  },
  'salesforce-lead.html': {
    url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000LeAd1EAB/view',
    expect: {
      site: 'salesforce', view: 'record', record: { crm: 'salesforce', objectType: 'lead', recordId: '00Q5g00000LeAd1EAB' },
      people: [{ email: 'bea@bigco.com', name: 'Bea Buyer', role: 'record' }, ME],
      companyName: 'BigCo Ltd', companyDomain: 'bigco.com',
    },
  },
  'salesforce-contact.html': {
    url: 'https://acme.lightning.force.com/lightning/r/Contact/0035g00000ABCDeAAH/view',
    expect: {
      site: 'salesforce', view: 'record', record: { crm: 'salesforce', objectType: 'contact', recordId: '0035g00000ABCDeAAH' },
      people: [{ email: 'ana@northwind-foods.com', name: 'Ana Lopez', role: 'record' }],
      companyName: 'Northwind Foods',
    },
  },
  'salesforce-classic-contact.html': {
    url: 'https://acme.my.salesforce.com/0035g00000ABCDe',
    expect: {
      site: 'salesforce', view: 'record', record: { crm: 'salesforce', objectType: 'contact', recordId: '0035g00000ABCDe' },
      people: [{ email: 'ana@northwind-foods.com', name: 'Ana Lopez', role: 'record' }],
      companyName: 'Northwind Foods',
    },
  },
  'pipedrive-person.html': {
    url: 'https://acme.pipedrive.com/person/1842',
    expect: {
      site: 'pipedrive', view: 'record', record: { crm: 'pipedrive', objectType: 'contact', recordId: '1842' },
      people: [{ email: 'carla@fresh-greens.nl', name: 'Carla Diaz', role: 'record' }, ME],
      companyName: 'Fresh Greens BV',
    },
  },
  'zoho-lead.html': {
    url: 'https://crm.zoho.eu/crm/org20071234/tab/Leads/4876876000000333001',
    expect: {
      site: 'zoho', view: 'record', record: { crm: 'zoho', objectType: 'lead', recordId: '4876876000000333001' },
      people: [{ email: 'bea@bigco.com', name: 'Bea Buyer', role: 'record' }, { email: 'owner@seller.com', role: 'mentioned' }],
      companyName: 'BigCo Ltd', companyDomain: 'bigco.com',
    },
  },
  'dynamics-contact.html': {
    url: 'https://contoso.crm4.dynamics.com/main.aspx?appid=a96b9fae-b21a-e911-a843-000d3a5377b9&pagetype=entityrecord&etn=contact&id=566f08ee-2795-ea11-a811-000d3a1029ac',
    expect: {
      site: 'dynamics', view: 'record', record: { crm: 'dynamics', objectType: 'contact', recordId: '566f08ee-2795-ea11-a811-000d3a1029ac' },
      people: [{ email: 'dana@contoso.com', name: 'Dana Fox', role: 'record' }],
      companyName: 'Contoso Ltd',
    },
  },
  'dynamics-account.html': {
    url: 'https://contoso.crm4.dynamics.com/main.aspx?etn=account&pagetype=entityrecord&id=%7B91330924-802A-4B0D-A900-34FD9D790829%7D',
    expect: {
      site: 'dynamics', view: 'record', record: { crm: 'dynamics', objectType: 'company', recordId: '91330924-802a-4b0d-a900-34fd9d790829' },
      people: [{ email: 'info@contoso.com', role: 'record' }],
      companyName: 'Contoso Ltd', companyDomain: 'contoso.com',
    },
  },
  'twenty-person.html': {
    url: 'https://acme.twenty.com/object/person/20202020-0f2e-4d8e-9b1a-3c4d5e6f7a8b',
    expect: {
      site: 'twenty', view: 'record', record: { crm: 'twenty', objectType: 'contact', recordId: '20202020-0f2e-4d8e-9b1a-3c4d5e6f7a8b' },
      people: [{ email: 'eve@stone-labs.io', name: 'Eve Stone', role: 'record' }],
      companyName: 'Stone Labs',
    },
  },
  'espocrm-contact.html': {
    url: 'https://acme.espocloud.com/#Contact/view/64f1c2a3b4d5e6f70',
    expect: {
      site: 'espocrm', view: 'record', record: { crm: 'espocrm', objectType: 'contact', recordId: '64f1c2a3b4d5e6f70' },
      people: [{ email: 'finn@gray-trading.de', name: 'Finn Gray', role: 'record' }],
      companyName: 'Gray Trading GmbH',
    },
  },
  'odoo-contact.html': {
    url: 'https://acme.odoo.com/odoo/contacts/42',
    expect: {
      site: 'odoo', view: 'record', record: { crm: 'odoo', objectType: 'contact', recordId: '42' },
      people: [{ email: 'gia@parkfoods.kr', name: 'Gia Park', role: 'record' }, ME],
      companyName: 'Park Foods Ltd', companyDomain: 'parkfoods.kr',
    },
  },
  'freshsales-contact.html': {
    url: 'https://widgetz.myfreshworks.com/crm/sales/contacts/16001234567',
    expect: {
      site: 'freshsales', view: 'record', record: { crm: 'freshsales', objectType: 'contact', recordId: '16001234567' },
      people: [{ email: 'hal@ito-shokuhin.jp', name: 'Hal Ito', role: 'record' }],
      companyName: 'Ito Shokuhin KK',
    },
  },
  'copper-person.html': {
    url: 'https://app.copper.com/companies/123456/app#/browse/list/people/default?fullProfile=people-98765432',
    expect: {
      site: 'copper', view: 'record', record: { crm: 'copper', objectType: 'contact', recordId: '98765432' },
      people: [{ email: 'ivo@marek-mills.cz', name: 'Ivo Marek', role: 'record' }],
    },
  },
  'close-lead.html': {
    url: 'https://app.close.com/lead/lead_IIDHIStmFDM5hSAJgNB0Rw7xgz4qUZSZvLNsVRhbcNs/',
    expect: {
      site: 'close', view: 'record', record: { crm: 'close', objectType: 'lead', recordId: 'lead_IIDHIStmFDM5hSAJgNB0Rw7xgz4qUZSZvLNsVRhbcNs' },
      // A Close lead is the company: its contacts' addresses are the record's, with no person name taken from the heading.
      people: [{ email: 'kai@juniper-foods.com', role: 'record' }, { email: 'lea@juniper-foods.com', role: 'record' }],
      companyName: 'Juniper Foods',
    },
  },
  'suitecrm-contact.html': {
    url: 'https://crm.example.org/index.php?module=Contacts&action=DetailView&record=8f1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
    expect: {
      site: 'suitecrm', view: 'record', record: { crm: 'suitecrm', objectType: 'contact', recordId: '8f1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d' },
      people: [{ email: 'ivy@chen-tea.com', name: 'Ivy Chen', role: 'record' }],
      companyName: 'Chen Tea Co',
    },
  },
  'suitecrm8-contact.html': {
    url: 'https://crm.example.org/#/contacts/record/8f1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
    expect: {
      site: 'suitecrm', view: 'record', record: { crm: 'suitecrm', objectType: 'contact', recordId: '8f1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d' },
      people: [{ email: 'ivy@chen-tea.com', name: 'Ivy Chen', role: 'record' }],
    },
  },
};

const GROUPS = ['name', 'email', 'company', 'website'] as const satisfies readonly (keyof RecordSelectors)[];
const selectorsOf = (selectors: RecordSelectors) => GROUPS.flatMap((group) => selectors[group].map((selector) => ({ group, selector })));
const all = CRM_SITES.flatMap((site) => selectorsOf(site.selectors).map((entry) => ({ crm: site.crm, ...entry })));
const counts = all.flatMap(({ crm, group, selector }) =>
  Object.entries(selector.checkedAgainst).map(([file, count]) => ({ crm, group, css: selector.css, file, count })),
);
const docs = new Map<string, Document>();
const docOf = (file: string) => {
  if (!docs.has(file)) docs.set(file, docFrom(fixture(`crm/${file}`), PAGES[file]?.url));
  return docs.get(file)!;
};

beforeAll(() => setSelfHostedCrms([{ origin: 'https://crm.example.org', crm: 'suitecrm' }]));
afterAll(() => setSelfHostedCrms([]));

describe('CRM record-page selectors', () => {
  it.each(counts)('$crm $group `$css` matches $count in $file', ({ css, file, count }) => {
    expect(docOf(file).querySelectorAll(css).length).toBe(count);
  });

  it('every selector is dated, sourced, checked on a fixture of its own CRM, and matches somewhere', () => {
    const fixtures = new Set(readdirSync(path.join(FIXTURES, 'crm')));
    for (const { crm, selector } of all) {
      const files = Object.keys(selector.checkedAgainst);
      expect(files.length, selector.css).toBeGreaterThan(0);
      for (const file of files) {
        expect(fixtures.has(file), file).toBe(true);
        expect(file.startsWith(`${crm}`), `${selector.css} is checked against ${file}`).toBe(true);
      }
      expect(Object.values(selector.checkedAgainst).some((count) => count > 0), `${crm} ${selector.css} never meets a DOM`).toBe(true);
      expect(selector.seen).toMatch(/^\d{4}(-\d{2})?$/);
      expect(selector.source.length).toBeGreaterThan(10);
    }
  });

  it('prefers stable hooks: no selector depends on translated text (aria-label, title, placeholder)', () => {
    for (const { selector } of all) expect(selector.css).not.toMatch(/\[(aria-label|title|placeholder|alt)\b/i);
  });

  it('every CRM has a fixture page, and every fixture page is read below', () => {
    for (const site of CRM_SITES) expect(Object.keys(PAGES).some((file) => file.startsWith(site.crm)), site.crm).toBe(true);
    expect(readdirSync(path.join(FIXTURES, 'crm')).sort()).toEqual(Object.keys(PAGES).sort());
  });
});

describe('recognizePage on each CRM fixture', () => {
  it.each(Object.entries(PAGES))('%s', (file, { url, expect: expected }) => {
    const context = recognizePage(docFrom(fixture(`crm/${file}`), url), url);
    expect(PageContext.safeParse(context).success).toBe(true);
    expect(context).toEqual(expected);
  });

  it.each(Object.entries(PAGES))('%s without its content: a record with a reason, never a throw', (file, { url }) => {
    const site = CRM_SITES.find((candidate) => file.startsWith(candidate.crm))!;
    const empty = recognizePage(docFrom('<!doctype html><html><body><main></main></body></html>', url), url);
    expect(empty).toMatchObject({ site: site.crm, view: 'record', people: [] });
    expect(empty.reason).toMatch(/^No email, company name or website was found on this \w+ record \(looked for /);
    expect(empty.reason).toContain(site.selectors.email[0]!.css);
    const html = fixture(`crm/${file}`);
    for (const cut of [0.2, 0.5, 0.8]) expect(() => recognizePage(docFrom(html.slice(0, Math.floor(html.length * cut)), url), url)).not.toThrow();
  });
});
