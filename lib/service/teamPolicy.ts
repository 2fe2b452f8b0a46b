import { browser } from 'wxt/browser';
import type { TeamPolicy } from '../model/playbook';
import { parseTeamPolicy } from '../playbooks';

/**
 * The team policy an administrator pushed through enterprise policy (storage.managed, schema in
 * public/managed_schema.json). Absent or unreadable policy means "no team policy", never an error for the rep.
 */
export async function readTeamPolicy(): Promise<TeamPolicy | undefined> {
  try {
    const raw = await browser.storage.managed.get(null);
    if (!raw || Object.keys(raw).length === 0) return undefined;
    return parseTeamPolicy(raw).policy;
  } catch {
    return undefined;
  }
}
