import type { CrmName, RecordObjectType, RecordRef } from '../../model/page';

/** Where a record page shows its own fields. Lists of CSS selectors, tried in order (stable hooks first). */
export interface RecordSelectors {
  /** The record's title: person, company or deal name. */
  name: readonly string[];
  /** Elements holding the record's own email address (mailto link, input, or text). */
  email: readonly string[];
  /** The company a contact works for (or the company record's name). */
  company: readonly string[];
  /** The company website shown on the record. */
  website: readonly string[];
}

/** A URL with the record it must (or must not, when `expect` is null) be recognized as. Checked by a test. */
export interface UrlExample {
  url: string;
  expect: { objectType: RecordObjectType; recordId: string } | null;
}

/** One CRM behind one interface: URL patterns and record-page selectors as data. */
export interface CrmSite {
  crm: CrmName;
  /** True for the vendor's cloud hosts (exact hostname match or a sub-domain at a dot boundary). */
  isCloudHost(hostname: string): boolean;
  /** The record a URL names, ignoring the host (the host was already checked). */
  recordFromUrl(url: URL): Omit<RecordRef, 'crm'> | null;
  selectors: RecordSelectors;
  examples: readonly UrlExample[];
}

/** `host` is `domain` or one of its sub-domains; `app.hubspot.com.evil.io` is not `hubspot.com`. */
export function hostIs(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** Strict sub-domain (a workspace name) of `domain`, excluding the vendor's own marketing/API hosts. */
export function workspaceOf(host: string, domain: string, reserved: readonly string[] = ['www', 'api']): boolean {
  if (!host.endsWith(`.${domain}`)) return false;
  const label = host.slice(0, -domain.length - 1);
  return /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(label) && !reserved.includes(label);
}

export function segments(path: string): string[] {
  return path.split('/').filter(Boolean).map(safeDecode);
}

export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The hash part of a URL as a URL of its own (`#/contacts/record/1?x=2` → path `/contacts/record/1`). */
export function hashUrl(url: URL): URL | null {
  const hash = url.hash.replace(/^#!?/, '');
  if (!hash) return null;
  try {
    return new URL(hash.startsWith('/') ? hash : `/${hash}`, 'https://hash.invalid');
  } catch {
    return null;
  }
}

export const record = (objectType: RecordObjectType, recordId: string): Omit<RecordRef, 'crm'> | null =>
  recordId && recordId.length <= 200 ? { objectType, recordId } : null;
