import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { EXTENSION_DIR } from '../support/browser';

// Pins what the extension asks the user for. A new permission must be a deliberate change to this list.
const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));

test('permissions are exactly the pinned list', () => {
  expect(manifest.manifest_version).toBe(3);
  expect([...manifest.permissions].sort()).toEqual(['alarms', 'scripting', 'storage', 'unlimitedStorage']);
  expect(manifest.host_permissions).toEqual([
    'https://mail.google.com/*',
    'https://app.hubspot.com/*',
    'https://app-eu1.hubspot.com/*',
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
    'https://*.dynamics.com/*',
    'https://*.twenty.com/*',
    'https://*.espocloud.com/*',
    'https://*.odoo.com/*',
    'https://*.myfreshworks.com/*',
    'https://*.freshsales.io/*',
    'https://app.copper.com/*',
    'https://app.close.com/*',
  ]);
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

test('content scripts run on Gmail and the cloud CRMs only', () => {
  const matches = manifest.content_scripts.map((c: { matches: string[] }) => c.matches);
  expect(matches).toContainEqual(['https://mail.google.com/*']);
  expect(matches.flat()).toContain('https://app.hubspot.com/*');
  expect(matches.flat().every((m: string) => m.startsWith('https://'))).toBe(true);
});

test('keyboard shortcut, managed policy schema and stable id are declared', () => {
  expect(manifest.commands['toggle-sidebar'].suggested_key.default).toBe('Alt+Shift+K');
  expect(manifest.storage.managed_schema).toBe('managed_schema.json');
  expect(JSON.parse(readFileSync(join(EXTENSION_DIR, 'managed_schema.json'), 'utf8')).type).toBe('object');
  expect(typeof manifest.key).toBe('string');
});
