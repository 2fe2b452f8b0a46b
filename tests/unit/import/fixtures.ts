import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseImportFile } from '../../../lib/import';
import type { ParseOptions } from '../../../lib/import';

export const FIXTURES = resolve(__dirname, '../../fixtures/import');
export const SHARED_DATA = resolve(__dirname, '../../../../shared/data');
export const NOW = new Date('2025-01-01T00:00:00Z');

/** A fixture as the options page hands it over: a Blob of the file's bytes. */
export function fixture(name: string): Blob {
  return new Blob([readFileSync(resolve(FIXTURES, name))]);
}

export function parseFixture(name: string, options: Partial<ParseOptions> = {}) {
  return parseImportFile(fixture(name), { fileName: name, now: NOW, ...options });
}
