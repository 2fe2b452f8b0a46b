import type { CrmName, RecordObjectType, RecordRef } from '../../model/page';
import type { HostRule } from '../hosts';

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
  /** The vendor's cloud hosts: this CRM's entry in lib/sites/hosts.ts, the same list the manifest is built from. */
  hosts: readonly HostRule[];
  /** The record a URL names, ignoring the host (the host was already checked). */
  recordFromUrl(url: URL): Omit<RecordRef, 'crm'> | null;
  selectors: RecordSelectors;
  examples: readonly UrlExample[];
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
