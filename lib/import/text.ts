// From bytes to rows of cells: encoding (UTF-8 with or without BOM, UTF-16 from Excel's "Unicode text",
// otherwise Windows-1252, decided per line), refusing files that are not text, separator, and header clean-up. Writing CSV is lib/import/csvOut.ts.

export interface DecodedText {
  text: string;
  /** 'mixed': UTF-8 lines and Windows-1252 lines in one file (rows pasted together from two exports). */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'mixed';
  /** Lines that were not UTF-8 and were read as Windows-1252 (0 for UTF-8 and UTF-16). */
  legacyLines: number;
}

/** A file that is not text: refused before any mapping, with what it looks like. */
export class NotTextError extends Error {}

// File signatures ("magic numbers") of what people most often rename or pick by mistake. Sources: PNG
// https://www.w3.org/TR/png-3/#3PNGsignature ; JPEG/GIF/PDF/ZIP/gzip/OLE2 from the WHATWG MIME Sniffing standard's
// pattern tables https://mimesniff.spec.whatwg.org/#matching-an-image-type-pattern and
// https://mimesniff.spec.whatwg.org/#matching-an-archive-type-pattern ; OLE2 (old .xls) https://learn.microsoft.com/openspecs/windows_protocols/ms-cfb
const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive or an Excel workbook (.xlsx): save it from Excel as "CSV UTF-8" first' },
  { bytes: [0x1f, 0x8b, 0x08], what: 'a gzip archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old Excel workbook (.xls): save it from Excel as "CSV UTF-8" first' },
];

/**
 * Why these bytes are not a text file, or undefined when they may be one: a known binary signature, or NUL
 * bytes, which no CSV in UTF-8 or Windows-1252 contains (UTF-16 is told apart by its BOM or its pattern first).
 */
export function notTextReason(bytes: Uint8Array): string | undefined {
  for (const { bytes: signature, what } of SIGNATURES) if (signature.every((b, i) => bytes[i] === b)) return `it looks like ${what}`;
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return 'it contains NUL bytes, which a CSV export never has';
  return undefined;
}

/** UTF-16 without a BOM: ASCII text has a NUL in every second byte. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.9 && evenZero === 0) return 'utf-16le';
  if (evenZero > pairs * 0.9 && oddZero === 0) return 'utf-16be';
  return undefined;
}

/**
 * Text from a file's bytes: UTF-16 by BOM (or by its NUL pattern), otherwise UTF-8 (BOM or not) line by line, a line
 * that is not valid UTF-8 read as Windows-1252, so that a file pasted together from two exports reads "Crème brûlée"
 * on every row. Throws NotTextError for images, archives, workbooks and anything with NUL bytes.
 */
export function decodeBytes(bytes: Uint8Array, fileName = 'The file'): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', legacyLines: 0 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', legacyLines: 0 };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, legacyLines: 0 };
  const reason = notTextReason(bytes);
  if (reason) throw new NotTextError(`${fileName} is not a text file: ${reason}. Choose the CSV export itself.`);
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', legacyLines: 0 };
  } catch {
    return decodeLineByLine(body);
  }
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 (https://encoding.spec.whatwg.org/#utf-8-decoder). */
function utf8SequenceAt(bytes: Uint8Array, i: number, end: number): number {
  const b = bytes[i]!;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) length = 2;
  else if (b >= 0xe0 && b <= 0xef) {
    length = 3;
    if (b === 0xe0) low = 0xa0;
    if (b === 0xed) high = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    length = 4;
    if (b === 0xf0) low = 0x90;
    if (b === 0xf4) high = 0x8f;
  } else return 0;
  if (i + length > end) return 0;
  const second = bytes[i + 1]!;
  if (second < low || second > high) return 0;
  for (let k = 2; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return 0;
  return length;
}

/** Per line (LF-terminated): valid UTF-8 stays UTF-8; a line with an invalid sequence is Windows-1252. */
function decodeLineByLine(bytes: Uint8Array): DecodedText {
  const utf8 = new TextDecoder('utf-8');
  const parts: string[] = [];
  let legacyLines = 0;
  let utf8Lines = 0;
  // Runs of lines with the same encoding are decoded together.
  let runStart = 0;
  let runLegacy = false;
  const flush = (end: number) => {
    if (end > runStart) parts.push(runLegacy ? decodeWindows1252(bytes.subarray(runStart, end)) : utf8.decode(bytes.subarray(runStart, end)));
    runStart = end;
  };
  let lineStart = 0;
  while (lineStart < bytes.length) {
    let lineEnd = bytes.indexOf(0x0a, lineStart);
    lineEnd = lineEnd < 0 ? bytes.length : lineEnd + 1;
    let legacy = false;
    let multibyte = false;
    for (let i = lineStart; i < lineEnd; i++) {
      if (bytes[i]! < 0x80) continue;
      const length = utf8SequenceAt(bytes, i, lineEnd);
      if (!length) {
        legacy = true;
        break;
      }
      multibyte = true;
      i += length - 1;
    }
    if (legacy) legacyLines++;
    else if (multibyte) utf8Lines++;
    if (legacy !== runLegacy) {
      flush(lineStart);
      runLegacy = legacy;
    }
    lineStart = lineEnd;
  }
  flush(bytes.length);
  return { text: parts.join(''), encoding: utf8Lines ? 'mixed' : 'windows-1252', legacyLines };
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
