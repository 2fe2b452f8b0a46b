import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, sourceFiles } from '../../support/sourceFiles';
import { count, fileSize, noun } from '../../../lib/words/format';

// Issue 17: "Imported 1 playbooks", "1 questions", "0 KB" for a 421-byte file. A count is written with its noun by
// Intl.PluralRules (lib/words/format.ts), never as a number pasted before a plural.

/** `{formatNumber(n)} rows`, `${list.length} questions`, `{x.daysAgo} days`: a number written before a plural noun. */
const NUMBER_BEFORE_PLURAL = /(formatNumber\((?:[^()]|\([^()]*\))*\)|\.length|[dD]aysAgo)\}\s*[a-z]{3,}s\b/g;
/** `(size / 1024).toFixed(0)} KB`: a file size rounded by hand (a 421-byte file read "0 KB"). */
const SIZE_BY_HAND = /\/\s*1024\b[^\n]*\bKB\b/g;

describe('counts in words', () => {
  it('no component writes a number before a plural noun, or a file size, by hand', () => {
    const offenders = sourceFiles('components').flatMap((path) =>
      readFileSync(join(repoRoot, path), 'utf8')
        .split('\n')
        .flatMap((line, i) => [...(line.match(NUMBER_BEFORE_PLURAL) ?? []), ...(line.match(SIZE_BY_HAND) ?? [])].map((hit) => `${path}:${i + 1}: ${hit}`)),
    );
    expect(offenders).toEqual([]);
  });

  it('count and noun follow Intl.PluralRules', () => {
    expect(count(1, 'playbook')).toBe('1 playbook');
    expect(count(0, 'question')).toBe('0 questions');
    expect(count(12_500, 'row')).toBe('12,500 rows');
    expect(noun(1, 'account on one person', 'accounts on one person')).toBe('account on one person');
    expect(noun(3, 'account')).toBe('accounts');
  });

  it('file sizes in bytes, KB and MB, never "0 KB"', () => {
    expect(fileSize(421)).toBe('421 bytes');
    expect(fileSize(1)).toBe('1 byte');
    expect(fileSize(1536)).toBe('1.5 KB');
    expect(fileSize(10 * 1024 + 300)).toBe('10 KB');
    expect(fileSize(3.46 * 1024 * 1024)).toBe('3.5 MB');
    expect(fileSize(1.2 * 1024 ** 3)).toBe('1.2 GB');
  });
});
