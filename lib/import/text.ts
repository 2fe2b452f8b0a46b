// From bytes to rows of cells: encoding (UTF-8 with or without BOM, UTF-16 from Excel's "Unicode text",
// otherwise Windows-1252), separator, and header clean-up. Writing CSV is lib/import/csvOut.ts.

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: an Excel "CSV" saved on Windows in Western Europe or the Americas.
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}

// Windows-1252 differs from Latin-1 only in 0x80–0x9F (€, quotes, dashes, Š, Ž…). Decoded here because
// some TextDecoder builds (node with small ICU) map those bytes to C1 controls instead.
// Table: https://www.unicode.org/Public/MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT (undefined bytes kept as is).
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const block = new Uint16Array(8192);
  for (let start = 0; start < bytes.length; start += block.length) {
    const end = Math.min(start + block.length, bytes.length);
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      block[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
    }
    parts.push(String.fromCharCode(...block.subarray(0, end - start)));
  }
  return parts.join('');
}

export const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

export type Separator = ',' | ';' | '\t' | '|' | 'whitespace';

/** Count of `char` outside double quotes in one line. */
function countOutsideQuotes(line: string, char: string): number {
  let count = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === char && !quoted) count++;
  }
  return count;
}

/**
 * The separator of the file, from its first lines: the candidate found in the header line that splits the
 * following lines most consistently. A header with none of them but several space-separated words is a
 * whitespace-aligned log (CDNOW).
 */
export function detectSeparator(lines: string[]): Separator {
  const [header, ...rest] = lines;
  let best: Separator | undefined;
  let bestScore = 0;
  for (const candidate of [',', ';', '\t', '|'] as const) {
    const inHeader = countOutsideQuotes(header, candidate);
    if (!inHeader) continue;
    const consistent = rest.filter((line) => countOutsideQuotes(line, candidate) === inHeader).length;
    const score = (consistent + 1) * 1000 + inHeader;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  if (best) return best;
  return header.trim().split(/\s+/).length > 1 ? 'whitespace' : ',';
}

/** Header cells made unique and non-empty: blank → "Column 5", second "Email" → "Email (2)". */
export function uniqueHeaders(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, i) => {
    let name = cell.replace(/^\ufeff/, '').trim() || `Column ${i + 1}`;
    const count = (seen.get(name.toLowerCase()) ?? 0) + 1;
    seen.set(name.toLowerCase(), count);
    if (count > 1) name = `${name} (${count})`;
    return name;
  });
}
