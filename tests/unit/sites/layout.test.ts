import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, insetCss, SITE_LAYOUTS, siteLayout, type PageHook } from '../../../lib/sites/layout';
import { CRM_NAMES } from '../../../lib/model/names';
import { docFrom, fixture } from './helpers';

// The page-narrowing data (lib/sites/layout.ts) is checked like the recognizers' selectors: every selector matches its
// `checkedAgainst` count on each fixture page, and each one matches somewhere.

const hooks: Array<{ site: string; hook: PageHook }> = [
  ...DEFAULT_LAYOUT.narrow.map((hook) => ({ site: 'default', hook })),
  ...Object.entries(SITE_LAYOUTS).flatMap(([site, layout]) => [...layout!.narrow, ...(layout!.ownPanels ?? [])].map((hook) => ({ site, hook }))),
];

describe('site layouts as data', () => {
  it.each(hooks)('$site: $hook.css matches its checked counts on the fixture pages', ({ hook }) => {
    expect(hook.source.length).toBeGreaterThan(10);
    expect(hook.seen).toMatch(/^\d{4}(-\d{2})?$/);
    const counts = Object.fromEntries(Object.keys(hook.checkedAgainst).map((file) => [file, docFrom(fixture(file)).querySelectorAll(hook.css).length]));
    expect(counts).toEqual(hook.checkedAgainst);
    expect(Object.values(hook.checkedAgainst).some((n) => n > 0)).toBe(true);
  });

  it('every site narrows the root element; a site without an entry gets the default', () => {
    for (const site of ['gmail', ...CRM_NAMES, 'unknown'] as const) expect(siteLayout(site).narrow.some((t) => t.css === 'html' && t.how === 'margin')).toBe(true);
    expect(siteLayout('unknown')).toBe(DEFAULT_LAYOUT);
    expect(siteLayout(undefined)).toBe(DEFAULT_LAYOUT);
  });

  it('the style sheet narrows in-flow elements by a margin and fixed ones by their right offset; nothing when closed', () => {
    const css = insetCss(siteLayout('salesforce'), 352);
    expect(css).toContain('html { margin-right: 352px !important; max-width: calc(100% - 352px) !important; }');
    expect(css).toContain('.slds-global-header_container { right: 352px !important; max-width: calc(100% - 352px) !important; }');
    expect(insetCss(siteLayout('gmail'), 0)).toBe('');
    expect(insetCss(DEFAULT_LAYOUT, 351.6)).toContain('352px');
  });
});
