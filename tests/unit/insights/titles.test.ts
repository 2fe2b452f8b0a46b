import { describe, expect, it } from 'vitest';
import { classifyTitle } from '../../../lib/insights/titles/classify';
import { LABELLED_TITLES, type LabelledTitle } from '../../fixtures/titles/labelled';
import { HELDOUT_TITLES } from '../../fixtures/titles/heldout';
import { FUNCTIONS } from '../../../lib/insights/titles/vocabulary';

function score(set: readonly LabelledTitle[]) {
  let seniority = 0;
  let functions = 0;
  let both = 0;
  const misses: string[] = [];
  for (const [title, level, fns] of set) {
    const got = classifyTitle(title);
    const expected = fns ? fns.split('+').sort((a, b) => FUNCTIONS.indexOf(a as never) - FUNCTIONS.indexOf(b as never)) : [];
    const levelOk = got.seniority === level;
    const fnOk = got.functions.join('+') === expected.join('+');
    seniority += Number(levelOk);
    functions += Number(fnOk);
    both += Number(levelOk && fnOk);
    if (!levelOk || !fnOk) misses.push(`${JSON.stringify(title)}: got ${got.seniority} ${got.functions.join('+')}, expected ${level} ${expected.join('+')}`);
  }
  const n = set.length;
  return { n, seniority: seniority / n, functions: functions / n, both: both / n, misses };
}

describe('classifyTitle accuracy', () => {
  const labelled = score(LABELLED_TITLES);
  const heldout = score(HELDOUT_TITLES);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(
    [
      'title classifier     titles  seniority  functions (exact set)  both',
      `labelled (tuned on)  ${String(labelled.n).padStart(6)}  ${pct(labelled.seniority).padStart(9)}  ${pct(labelled.functions).padStart(21)}  ${pct(labelled.both).padStart(5)}`,
      `held out             ${String(heldout.n).padStart(6)}  ${pct(heldout.seniority).padStart(9)}  ${pct(heldout.functions).padStart(21)}  ${pct(heldout.both).padStart(5)}`,
      ...(process.env.SHOW_MISSES ? ['misses:', ...labelled.misses, 'held-out misses:', ...heldout.misses] : []),
    ].join('\n'),
  );

  it('has a labelled set of at least 300 titles', () => {
    expect(LABELLED_TITLES.length).toBeGreaterThanOrEqual(300);
  });
  it('gets at least 90% of seniorities and 90% of exact function sets right', () => {
    expect(labelled.seniority).toBeGreaterThanOrEqual(0.9);
    expect(labelled.functions).toBeGreaterThanOrEqual(0.9);
  });
  it('holds up on titles it was not tuned on', () => {
    expect(heldout.seniority).toBeGreaterThanOrEqual(0.85);
    expect(heldout.functions).toBeGreaterThanOrEqual(0.85);
  });
});

describe('classifyTitle examples', () => {
  it.each([
    ['CFO', 'executive', ['finance']],
    ['VP Ops', 'vp', ['operations']],
    ['Dir. of Purchasing', 'director', ['procurement']],
    ['Head of R&D', 'director', ['technical']],
    ['Owner & Head Chef', 'executive', ['operations', 'executive']],
    ['Geschäftsführer', 'executive', ['executive']],
    ['Einkaufsleiter', 'director', ['procurement']],
    ['Directeur financier', 'director', ['finance']],
    ['Responsable des achats', 'manager', ['procurement']],
    ['Jefe de compras', 'manager', ['procurement']],
    ['Leiter Qualitätssicherung', 'director', ['technical']],
    ['Responsable production', 'manager', ['operations']],
    ['Line Cook', 'individual', ['operations']],
    ['Business Development Manager', 'manager', ['sales']],
  ] as const)('%s', (title, seniority, functions) => {
    expect(classifyTitle(title)).toEqual({ seniority, functions: [...functions] });
  });
});
