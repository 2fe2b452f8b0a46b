import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { guardCell, objectsToCsv, toCsv, unguardCell } from '../../../lib/import/csvOut';
import { parseImportFile, rejectedRowsCsv } from '../../../lib/import';
import { generateDemoData } from '../../../demo';
import { NOW } from './fixtures';
import { sourceFiles } from '../../support/sourceFiles';

const root = join(__dirname, '../../..');

describe('the one CSV writer neutralizes formulas (OWASP CSV injection)', () => {
  it.each([
    ['=HYPERLINK("https://evil.example","click")', `'=HYPERLINK("https://evil.example","click")`],
    ['+SUM(A1:A9)', "'+SUM(A1:A9)"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['-12.50', "'-12.50"], // a text cell from a user's file: we cannot know it is only a number
    ['Acme = best', 'Acme = best'],
    ["'=already guarded", "'=already guarded"],
    ['', ''],
  ])('%j → %j', (text, guarded) => {
    expect(guardCell(text)).toBe(guarded);
    expect(unguardCell(guardCell(text))).toBe(text === "'=already guarded" ? '=already guarded' : text);
  });

  it('numbers we computed stay numbers; text cells are guarded, then quoted by RFC 4180', () => {
    const csv = toCsv([['Name', 'Delta', 'Note'], ['=cmd|"/c calc"!A0', -12.5, 'a, b'], ['+49 30 1234', 3, ' padded']]);
    expect(csv).toBe('\ufeffName,Delta,Note\r\n"\'=cmd|""/c calc""!A0",-12.5,"a, b"\r\n\'+49 30 1234,3," padded"\r\n');
    const back = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(back[1]).toEqual(['\'=cmd|"/c calc"!A0', '-12.5', 'a, b']);
  });

  it('objectsToCsv takes the header from the first object', () => {
    expect(objectsToCsv([{ a: '@x', b: 1 }], { bom: false, finalNewline: false })).toBe("a,b\r\n'@x,1");
  });

  it('the rejected-rows download keeps no live formula, and re-imports with the values as they were', async () => {
    const text = 'Invoice No,Invoice Date,Customer Name,Amount\r\nINV-1,2024-01-05,=HYPERLINK("http://x.example"),abc\r\nINV-2,2024-01-06,+SUM(A1),-12.50\r\nINV-3,2024-13-01,@cmd,5\r\n';
    const preview = await parseImportFile(text, { fileName: 'evil.csv', now: NOW });
    expect(preview.rejected.map((r) => r.row)).toEqual([2, 4]);
    const csv = rejectedRowsCsv(preview);
    const cells = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data.flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(cells).toContain(`'=HYPERLINK("http://x.example")`);
    // Fixed and imported again: our reader takes the guard off, so the name is what the file said.
    const fixed = csv.slice(1).replace(',abc,', ',12.00,').replace('2024-13-01', '2024-01-07');
    const again = await parseImportFile(fixed, { fileName: 'fixed.csv', now: NOW });
    expect(again.rejected).toEqual([]);
    expect(again.batch.accounts.map((a) => a.name).sort()).toEqual(['=HYPERLINK("http://x.example")', '@cmd']);
    const guardedAmount = await parseImportFile("Invoice No,Invoice Date,Customer Name,Amount\nINV-2,2024-01-06,Acme,'-12.50\n", { fileName: 'credit.csv', now: NOW });
    expect(guardedAmount.batch.orders[0]!.amount).toBe(-12.5);
  });

  it('the demo files are written by it: no cell starts a formula, phone numbers carry the guard', () => {
    const data = generateDemoData({ today: '2026-06-15' });
    for (const file of data.files) {
      const cells = Papa.parse<string[]>(file.text, { skipEmptyLines: true }).data.flat();
      expect(cells.filter((c) => /^[=+@\t\r]/.test(c) || /^-\D/.test(c)), file.name).toEqual([]);
    }
  });

  it('no module of the extension, the demo or the scripts writes CSV any other way (papaparse unparse, a text/csv download)', () => {
    const files = ['lib', 'components', 'entrypoints', 'demo', 'scripts'].flatMap(sourceFiles);
    const writers = files.filter((p) => /\bunparse\s*\(/.test(readFileSync(join(root, p), 'utf8')));
    expect(writers).toEqual([]);
    // Every CSV download of the options page hands over text made by toCsv (rejectedRowsCsv is the one so far).
    const downloads = files.flatMap((p) => [...readFileSync(join(root, p), 'utf8').matchAll(/downloadText\([^;]*'text\/csv'\)/g)].map((m) => `${p}: ${m[0]}`));
    expect(downloads.every((d) => d.includes('rejectedRowsCsv('))).toBe(true);
    expect(downloads.length).toBeGreaterThan(0);
  });
});
