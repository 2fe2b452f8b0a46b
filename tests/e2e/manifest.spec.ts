import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { EXTENSION_DIR } from '../support/browser';

// Pins what the extension asks the user for. A new permission must be a deliberate change to this list.
const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));

// Written out by hand on purpose: lib/sites/hosts.ts is the one list the build reads, and this copy is what a reviewer
// signs off on. Sources for each host are in lib/sites/hosts.ts.
const GMAIL = ['https://mail.google.com/*'];
// Outlook on the web (issue 15): these four hosts and no other new host.
const OUTLOOK = ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*', 'https://outlook.cloud.microsoft/*'];
const CRM_CLOUDS = [
  'https://app.hubspot.com/*',
  'https://app-eu1.hubspot.com/*',
  'https://app-na2.hubspot.com/*',
  'https://app-na3.hubspot.com/*',
  'https://app-ap1.hubspot.com/*',
  'https://*.lightning.force.com/*',
  'https://*.my.salesforce.com/*',
  'https://*.pipedrive.com/*',
  'https://crm.zoho.com/*',
  'https://crm.zoho.eu/*',
  'https://crm.zoho.in/*',
  'https://crm.zoho.com.au/*',
  'https://crm.zoho.jp/*',
  'https://crm.zohocloud.ca/*',
  'https://crm.zoho.com.cn/*',
  'https://crm.zoho.sa/*',
  'https://crm.zoho.uk/*',
  'https://*.dynamics.com/*',
  'https://*.twenty.com/*',
  'https://*.espocloud.com/*',
  'https://*.odoo.com/*',
  'https://*.myfreshworks.com/*',
  'https://*.freshsales.io/*',
  'https://app.copper.com/*',
  'https://app.close.com/*',
];
const PINNED_HOSTS = [...GMAIL, ...OUTLOOK, ...CRM_CLOUDS];

test('permissions are exactly the pinned list', () => {
  expect(manifest.manifest_version).toBe(3);
  expect([...manifest.permissions].sort()).toEqual(['alarms', 'scripting', 'storage', 'unlimitedStorage']);
  expect(manifest.host_permissions).toEqual(PINNED_HOSTS);
  // Self-hosted CRMs are asked for one host at a time, when the user adds one.
  expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
});

test('no broad or fingerprintable surface', () => {
  const text = JSON.stringify(manifest);
  expect(text).not.toContain('<all_urls>');
  expect(manifest.permissions).not.toContain('tabs');
  expect(manifest.web_accessible_resources ?? []).toEqual([]);
  expect(manifest.externally_connectable).toBeUndefined();
  // Extension pages may not open network connections at all.
  expect(manifest.content_security_policy.extension_pages).toContain("connect-src 'none'");
});

test('content scripts run on Gmail, Outlook and the cloud CRMs only: the same hosts the extension asks for', () => {
  const matches = manifest.content_scripts.map((c: { matches: string[] }) => [...c.matches].sort());
  expect(matches).toHaveLength(3);
  expect(matches).toContainEqual([...GMAIL].sort());
  expect(matches).toContainEqual([...OUTLOOK].sort());
  expect(matches).toContainEqual([...CRM_CLOUDS].sort());
  expect(matches.flat().every((m: string) => m.startsWith('https://'))).toBe(true);
});

test('keyboard shortcut, managed policy schema and stable id are declared', () => {
  expect(manifest.commands['toggle-sidebar'].suggested_key.default).toBe('Alt+Shift+K');
  expect(manifest.storage.managed_schema).toBe('managed_schema.json');
  expect(JSON.parse(readFileSync(join(EXTENSION_DIR, 'managed_schema.json'), 'utf8')).type).toBe('object');
  expect(typeof manifest.key).toBe('string');
});
