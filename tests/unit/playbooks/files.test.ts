import { describe, expect, it } from 'vitest';
import type { Playbook } from '../../../lib/model/playbook';
import { DEFAULT_PLAYBOOKS } from '../../../lib/playbooks/defaults';
import { exportPlaybookFile, mergeImportedPlaybooks, parsePlaybookFile } from '../../../lib/playbooks/files';

const fileWith = (playbooks: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'keep-account/playbooks', version: 1, playbooks, ...extra });
const error = (text: string) => {
  const result = parsePlaybookFile(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
};

describe('playbook files', () => {
  it('round-trips: export, then parse, gives the same playbooks', () => {
    const text = exportPlaybookFile(DEFAULT_PLAYBOOKS, { exportedAt: '2025-03-01T09:00:00.000Z' });
    expect(text).toMatch(/^\{\n {2}"format": "keep-account\/playbooks",\n {2}"version": 1,\n {2}"exportedAt"/);
    const parsed = parsePlaybookFile(text);
    expect(parsed).toEqual({ ok: true, file: { format: 'keep-account/playbooks', version: 1, exportedAt: '2025-03-01T09:00:00.000Z', playbooks: DEFAULT_PLAYBOOKS } });
  });

  it('fills defaults the schema allows to be left out (description, question enabled)', () => {
    const parsed = parsePlaybookFile(fileWith([{ id: 'p', name: 'P', enabled: true, questions: [{ id: 'q', text: 'Any news?', signals: ['check-in'], priority: 2 }] }]));
    expect(parsed.ok && parsed.file.playbooks[0]).toMatchObject({ description: '', questions: [{ enabled: true }] });
  });

  it('names the problem and where it is', () => {
    expect(error('{ not json')).toMatch(/^not a JSON file: /);
    expect(error('[]')).toBe('not a playbook file: expected an object with format "keep-account/playbooks"');
    expect(error(JSON.stringify({ format: 'other', version: 1, playbooks: [] }))).toBe('format: expected "keep-account/playbooks", got "other"');
    expect(error(fileWith([], { version: 2 }))).toBe('version: version 2 is not supported; this version of Keep Account reads version 1');
    const bad = [
      DEFAULT_PLAYBOOKS[0],
      { ...DEFAULT_PLAYBOOKS[1], questions: [...DEFAULT_PLAYBOOKS[1].questions.slice(0, 2), { ...DEFAULT_PLAYBOOKS[1].questions[2], signals: ['price'] }] },
    ];
    expect(error(fileWith(bad))).toMatch(
      /^playbooks\[1\]\.questions\[2\]\.signals\[0\]: unknown signal "price"; expected one of lapse-high, lapse-watch, .*check-in$/,
    );
    expect(error(fileWith([{ ...DEFAULT_PLAYBOOKS[0], enabled: 'yes' }]))).toBe(
      'playbooks[0].enabled: Invalid input: expected boolean, received string (got "yes")',
    );
    expect(error(fileWith([{ ...DEFAULT_PLAYBOOKS[0], name: undefined }]))).toBe('playbooks[0].name: missing (expected string)');
    expect(error(fileWith([]))).toMatch(/^playbooks: /);
  });

  it('refuses duplicate playbook ids and duplicate question ids within a playbook', () => {
    expect(error(fileWith([DEFAULT_PLAYBOOKS[0], DEFAULT_PLAYBOOKS[0]]))).toBe(
      'playbooks[1].id: duplicate playbook id "competitive-defense" (also playbooks[0])',
    );
    const twice = { ...DEFAULT_PLAYBOOKS[2], questions: [DEFAULT_PLAYBOOKS[2].questions[0], DEFAULT_PLAYBOOKS[2].questions[0]] };
    expect(error(fileWith([twice]))).toBe('playbooks[0].questions[1].id: duplicate question id "gap-sourcing-renewal" (also questions[0])');
  });

  it('shows at most five problems and counts the rest', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ ...DEFAULT_PLAYBOOKS[0], id: `p${i}`, enabled: 'no' }));
    const message = error(fileWith(many));
    expect(message.split('\n')).toHaveLength(6);
    expect(message).toMatch(/\.\.\.and 3 more$/);
  });
});

describe('mergeImportedPlaybooks', () => {
  const a: Playbook = { id: 'a', name: 'A', description: '', enabled: true, questions: [] };
  const b: Playbook = { ...a, id: 'b', name: 'B' };
  it('replaces the same id in place and appends new ones, without changing its inputs', () => {
    const existing = [a, b];
    const merged = mergeImportedPlaybooks(existing, [{ ...a, name: 'A2' }, { ...a, id: 'c', name: 'C' }]);
    expect(merged.map((p) => `${p.id}:${p.name}`)).toEqual(['a:A2', 'b:B', 'c:C']);
    expect(existing.map((p) => p.name)).toEqual(['A', 'B']);
  });
});
