import type { CrmName, RecordObjectType, RecordRef } from '../../model/page';
import type { HostRule } from '../hosts';

/**
 * One CSS selector for a record-page field, as data: where it comes from, when that source was seen using it, and how
 * many elements it matches on each saved fixture page (tests/fixtures/sites/crm/*.html) — checked by
 * tests/unit/sites/crmSelectors.test.ts. `source` names vendor docs or public code that reads the CRM; "derived:" marks
 * a hook inferred from a documented naming scheme, "generic:" a web-standard hook (mailto:, href patterns).
 */
export interface CrmSelector {
  css: string;
  source: string;
  /** When the source was seen using the hook (YYYY or YYYY-MM). */
  seen: string;
  /** fixture file → number of elements this selector matches there (0 = must not match: another layout's hook). */
  checkedAgainst: Readonly<Record<string, number>>;
}

/** Where a record page shows its own fields. Tried in order: stable hooks (ids, data-*, href patterns) before classes. */
export interface RecordSelectors {
  /** The record's title: person, company or deal name. */
  name: readonly CrmSelector[];
  /** Elements holding the record's own email address (mailto link, input, data attribute, or text). */
  email: readonly CrmSelector[];
  /** The company a contact works for (or the company record's name). */
  company: readonly CrmSelector[];
  /** The company website shown on the record. */
  website: readonly CrmSelector[];
}

/** A URL with the record it must (or must not, when `expect` is null) be recognized as. Checked by a test. */
export interface UrlExample {
  url: string;
  expect: { objectType: RecordObjectType; recordId: string } | null;
}

/** One CRM behind one interface: hosts, URL patterns and record-page selectors as data. */
export interface CrmSite {
  crm: CrmName;
  /** The vendor's cloud hosts: this CRM's entry in lib/sites/hosts.ts, the same list the manifest is built from. */
  hosts: readonly HostRule[];
  /** The record a URL names, ignoring the host (the host was already checked). */
  recordFromUrl(url: URL): Omit<RecordRef, 'crm'> | null;
  selectors: RecordSelectors;
  /** Record types that are a person (their name is the person's); default contact and lead. */
  personTypes?: readonly RecordObjectType[];
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
