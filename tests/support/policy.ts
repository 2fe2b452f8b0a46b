import { mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { EXTENSION_ID } from './browser';

/**
 * Chromium on Linux reads enterprise policy from JSON files in /etc/chromium/policies/managed/ at start-up;
 * policy for an extension sits under 3rdparty.extensions.<id> and reaches it as storage.managed.
 * (https://www.chromium.org/administrators/linux-quick-start/, https://www.chromium.org/administrators/configuring-policy-for-extensions/)
 */
export const POLICY_FILE = process.env.KA_POLICY_FILE ?? '/etc/chromium/policies/managed/keep-account-e2e.json';

export function writeExtensionPolicy(policy: Record<string, unknown>): void {
  mkdirSync(dirname(POLICY_FILE), { recursive: true });
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: policy } } }, null, 2));
}

export function removeExtensionPolicy(): void {
  if (existsSync(POLICY_FILE)) rmSync(POLICY_FILE);
}
