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

describe('the repository is self-contained', () => {
  it('README and docs link no file outside the repository (../shared is test and bench input only)', () => {
    const docs = ['README.md', ...readdirSync(join(root, 'docs')).filter((n) => n.endsWith('.md')).map((n) => `docs/${n}`)];
    const outside = docs.flatMap((path) => [...readFileSync(join(root, path), 'utf8').matchAll(/\]\((\.\.\/[^)]*)\)|`(\.\.\/shared[^`]*)`/g)].map((m) => `${path}: ${m[1] ?? m[2]}`));
    expect(outside).toEqual([]);
  });

  it('the architecture document exists and names every top folder of the code', () => {
    const text = readFileSync(join(root, 'docs/ARCHITECTURE.md'), 'utf8');
    for (const folder of ['entrypoints/', 'components/', 'lib/model/', 'lib/db/', 'lib/import/', 'lib/sites/', 'lib/insights/', 'lib/playbooks/', 'lib/service/', 'demo/', 'scripts/', 'tests/']) {
      expect(text, folder).toContain(`\`${folder}\``);
    }
  });
});
