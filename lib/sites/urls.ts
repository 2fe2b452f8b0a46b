import type { CrmName, RecordRef } from '../model/page';
import { CRM_SITES, crmSite } from './crm';
import type { CrmSite } from './crm/types';
import { acceptsHost } from './hosts';

/** A CRM the user runs on their own host (added in the options page; see lib/service/selfHosted.ts). */
export interface SelfHostedCrm {
  origin: string;
  crm: CrmName;
}

let selfHosted: SelfHostedCrm[] = [];

/** Module-level list the content script sets from storage; recognizeUrl consults it when no list is passed. */
export function setSelfHostedCrms(list: readonly SelfHostedCrm[]): void {
  selfHosted = list.filter((entry) => typeof entry?.origin === 'string' && crmSite(entry.crm)).map((entry) => ({ ...entry }));
}

function parse(url: string): URL | null {
  if (typeof url !== 'string' || url.length > 8192) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function originOf(text: string): string | undefined {
  try {
    return new URL(text).origin;
  } catch {
    return undefined;
  }
}

/** The CRM whose pages this URL belongs to (cloud host or a self-hosted origin), record or not. */
export function siteOfUrl(url: URL, list: readonly SelfHostedCrm[] = selfHosted): CrmSite | undefined {
  const own = list.find((entry) => originOf(entry.origin) === url.origin);
  if (own) return crmSite(own.crm);
  if (url.protocol !== 'https:' || url.username || url.password) return undefined;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  return CRM_SITES.find((site) => acceptsHost(site.hosts, host));
}

/**
 * `{ crm, objectType, recordId }` for a CRM record URL; null for lists, searches, settings, new-record forms,
 * look-alike hosts and every other page. Never throws.
 */
export function recognizeUrl(url: string, selfHostedList?: readonly SelfHostedCrm[]): RecordRef | null {
  try {
    const parsed = parse(url);
    if (!parsed) return null;
    const site = siteOfUrl(parsed, selfHostedList ?? selfHosted);
    const found = site?.recordFromUrl(parsed);
    return site && found ? { crm: site.crm, ...found } : null;
  } catch {
    return null;
  }
}
