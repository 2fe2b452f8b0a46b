import { describe, expect, it } from 'vitest';
import { GMAIL, type SelectorGroup } from '../../../lib/sites/gmail-selectors';
import { docFrom, fixture } from './helpers';

// refined-github style: each selector group matches a known number of elements in the saved pages it was checked against.
const cases = Object.entries(GMAIL as Record<string, SelectorGroup>).flatMap(([group, spec]) =>
  Object.entries(spec.checkedAgainst).map(([file, count]) => ({ group, file, count, spec })),
);

describe('Gmail selectors', () => {
  it.each(cases)('$group matches $count in $file', ({ file, count, spec }) => {
    const doc = docFrom(fixture(`gmail/${file}`));
    let found = 0;
    for (const { css } of spec.selectors) {
      found = doc.querySelectorAll(css).length;
      if (found) break;
    }
    expect(found).toBe(count);
  });

  it('keeps stable hooks ahead of obfuscated classes and dates every selector', () => {
    for (const spec of Object.values(GMAIL as Record<string, SelectorGroup>)) {
      expect(spec.selectors.length).toBeGreaterThan(0);
      for (const selector of spec.selectors) expect(selector.seen).toMatch(/^\d{4}(-\d{2})?$/);
    }
    expect(GMAIL.threadSubject.selectors[0]!.css).toContain('data-thread-perm-id');
    expect(GMAIL.message.selectors[0]!.css).toContain('data-message-id');
  });
});
