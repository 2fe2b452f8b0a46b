import { afterEach, describe, expect, it } from 'vitest';
import { RecordRef } from '../../../lib/model/page';
import { CRM_SITES } from '../../../lib/sites/crm';
import { recognizeUrl, setSelfHostedCrms } from '../../../lib/sites';

// SuiteCRM has no cloud: its examples live on a host the user added.
const SELF_HOSTED = [{ origin: 'https://crm.example.org', crm: 'suitecrm' as const }];
const examples = CRM_SITES.flatMap((site) => site.examples.map((example) => ({ crm: site.crm, ...example })));

// Pages that are no CRM record anywhere: look-alike hosts, Gmail, other sites, malformed input.
const notRecords = [
  'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmvPqLxq',
  'https://app.hubspot.com.evil.io/contacts/62515/contact/154835/',
  'https://hubspot.com.attacker.net/contacts/62515/record/0-1/1',
  'https://evil.io/app.hubspot.com/contacts/62515/record/0-1/1',
  'https://app.hubspot.com@evil.io/contacts/62515/record/0-1/1',
  'http://app.hubspot.com/contacts/62515/record/0-1/1',
  'https://apphubspot.com/contacts/62515/record/0-1/1',
  'https://lightning.force.com.attacker.net/lightning/r/Contact/0035g00000ABCDeAAH/view',
  'https://evil-lightning.force.com.io/lightning/r/Contact/0035g00000ABCDeAAH/view',
  'https://pipedrive.com.evil.io/person/1',
  'https://crm.zoho.com.attacker.net/crm/tab/Contacts/4876876000000333001',
  'https://contoso.dynamics.com.evil.io/main.aspx?pagetype=entityrecord&etn=contact&id=566f08ee-2795-ea11-a811-000d3a1029ac',
  'https://example.com/object/person/20202020-0f2e-4d8e-9b1a-3c4d5e6f7a8b',
  'https://example.com/index.php?module=Contacts&action=DetailView&record=8f1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
  'https://example.com/#Contact/view/64f1c2a3b4d5e6f70',
  'https://example.com/odoo/contacts/42',
  'not a url',
  '',
  'javascript:alert(1)',
  'https://app.close.com/lead/',
];

describe('recognizeUrl', () => {
  afterEach(() => setSelfHostedCrms([]));

  it('has at least 120 URLs checked', () => {
    expect(examples.length + notRecords.length).toBeGreaterThanOrEqual(120);
  });

  it.each(examples)('$crm: $url', ({ crm, url, expect: expected }) => {
    const found = recognizeUrl(url, SELF_HOSTED);
    if (expected === null) {
      expect(found).toBeNull();
    } else {
      expect(found).toEqual({ crm, ...expected });
      expect(RecordRef.safeParse(found).success).toBe(true);
    }
  });

  it.each(notRecords)('no record: %s', (url) => {
    expect(recognizeUrl(url)).toBeNull();
  });

  it('recognizes self-hosted CRMs on the origins the user added, and only there', () => {
    const espo = 'https://crm.acme.example/#Contact/view/64f1c2a3b4d5e6f70';
    const suite = 'https://suite.acme.example/index.php?module=Accounts&action=DetailView&record=1a2b3c4d-0000-1111-2222-333344445555';
    const twentyUrl = 'https://twenty.acme.example/object/company/0aa5f9d6-8b9c-4d3e-a1b2-c3d4e5f6a7b8';
    const odooUrl = 'https://erp.acme.example/odoo/contacts/7';
    expect(recognizeUrl(espo)).toBeNull();
    setSelfHostedCrms([
      { origin: 'https://crm.acme.example', crm: 'espocrm' },
      { origin: 'https://suite.acme.example/', crm: 'suitecrm' },
      { origin: 'https://twenty.acme.example', crm: 'twenty' },
      { origin: 'https://erp.acme.example', crm: 'odoo' },
    ]);
    expect(recognizeUrl(espo)).toEqual({ crm: 'espocrm', objectType: 'contact', recordId: '64f1c2a3b4d5e6f70' });
    expect(recognizeUrl(suite)).toEqual({ crm: 'suitecrm', objectType: 'company', recordId: '1a2b3c4d-0000-1111-2222-333344445555' });
    expect(recognizeUrl(twentyUrl)).toEqual({ crm: 'twenty', objectType: 'company', recordId: '0aa5f9d6-8b9c-4d3e-a1b2-c3d4e5f6a7b8' });
    expect(recognizeUrl(odooUrl)).toEqual({ crm: 'odoo', objectType: 'contact', recordId: '7' });
    expect(recognizeUrl('https://crm.acme.example.evil.io/#Contact/view/64f1c2a3b4d5e6f70')).toBeNull();
    expect(recognizeUrl('http://crm.acme.example/#Contact/view/64f1c2a3b4d5e6f70')).toBeNull();
  });

  it('takes the self-hosted list as a second parameter too', () => {
    const url = 'https://crm.acme.example/#Lead/view/5a9d1e2f3c4b5a699';
    expect(recognizeUrl(url, [{ origin: 'https://crm.acme.example', crm: 'espocrm' }])).toEqual({ crm: 'espocrm', objectType: 'lead', recordId: '5a9d1e2f3c4b5a699' });
    expect(recognizeUrl(url)).toBeNull();
  });

  it('URL-decodes record ids', () => {
    expect(recognizeUrl('https://acme.espocloud.com/#Contact/view/abc%2D123456')).toEqual({ crm: 'espocrm', objectType: 'contact', recordId: 'abc-123456' });
  });
});
