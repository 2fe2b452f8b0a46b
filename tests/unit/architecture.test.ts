// The rules of the house that a reader cannot check by eye across the whole tree (docs/ARCHITECTURE.md).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Source text without comments, so that a comment may mention what the code may not do. */
function code(path: string): string {
  return readFileSync(join(root, path), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

describe('time is an input', () => {
  it('nothing in lib/ or demo/ reads the calendar clock: "today" and "now" are passed in', () => {
    const offenders = [...sourceFiles('lib'), ...sourceFiles('demo')].flatMap((path) => {
      const text = code(path);
      const hits = [...text.matchAll(/\bnew Date\(\s*\)|\bDate\.now\(\s*\)/g)].map((m) => m[0]);
      return hits.length ? [`${relative(root, join(root, path))}: ${hits.join(', ')}`] : [];
    });
    expect(offenders).toEqual([]);
  });
});
