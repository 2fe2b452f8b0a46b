import { describe, expect, it } from 'vitest';
import type { SelectorGroup } from '../../../lib/sites/gmail-selectors';
import { LABELS, OUTLOOK } from '../../../lib/sites/outlook-selectors';
import { docFrom, fixture } from './helpers';

// As for Gmail: each group matches a known number of elements (first matching selector) in the fixture pages.
const cases = Object.entries(OUTLOOK as Record<string, SelectorGroup>).flatMap(([group, spec]) =>
  Object.entries(spec.checkedAgainst).map(([file, count]) => ({ group, file, count, spec })),
);

describe('Outlook selectors', () => {
  it.each(cases)('$group matches $count in $file', ({ file, count, spec }) => {
    const doc = docFrom(fixture(`outlook/${file}`));
    let found = 0;
    for (const { css } of spec.selectors) {
      found = doc.querySelectorAll(css).length;
      if (found) break;
    }
    expect(found).toBe(count);
  });

  it('every group is checked against at least one page where it matches, and every selector is dated', () => {
    for (const spec of Object.values(OUTLOOK as Record<string, SelectorGroup>)) {
      expect(spec.selectors.length).toBeGreaterThan(0);
      expect(Object.values(spec.checkedAgainst).some((count) => count > 0)).toBe(true);
      for (const selector of spec.selectors) expect(selector.seen).toMatch(/^\d{4}(-\d{2})?$/);
    }
  });

  it('anchors on ids, data-* attributes and roles first; a label text is never the first choice', () => {
    for (const spec of Object.values(OUTLOOK as Record<string, SelectorGroup>)) expect(spec.selectors[0]!.css).not.toMatch(/aria-label/);
  });

  it('every label fallback is dated and written in en, de, fr, es and nl', () => {
    for (const labels of Object.values(LABELS)) {
      expect(labels.seen).toMatch(/^\d{4}(-\d{2})?$/);
      for (const language of ['en', 'de', 'fr', 'es', 'nl'] as const) expect(labels[language].length).toBeGreaterThan(0);
    }
  });
});
