// Deterministic ids for rows that have none of their own (order lines, activities): the same file
// imported twice gives the same ids, so the second import overwrites instead of duplicating.

/**
 * Two cyrb53 hashes (public domain, bryc: https://github.com/bryc/code/blob/master/jshash/experimental/cyrb53.js)
 * with different seeds, computed in one pass over the parts: 106 bits as hex.
 */
export function stableHash(...parts: string[]): string {
  let a1 = 0xdeadbeef;
  let a2 = 0x41c6ce57;
  let b1 = 0xdeadbeef ^ 0x9e3779b9;
  let b2 = 0x41c6ce57 ^ 0x9e3779b9;
  for (let p = 0; p < parts.length; p++) {
    const text = parts[p];
    for (let i = 0; i <= text.length; i++) {
      const ch = i < text.length ? text.charCodeAt(i) : 31; // unit separator between parts
      a1 = Math.imul(a1 ^ ch, 2654435761);
      a2 = Math.imul(a2 ^ ch, 1597334677);
      b1 = Math.imul(b1 ^ ch, 2654435761);
      b2 = Math.imul(b2 ^ ch, 1597334677);
    }
  }
  return finalize(a1, a2) + finalize(b1, b2);
}

const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

function finalize(h1: number, h2: number): string {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return hex(h2 & 0x1fffff) + hex(h1);
}
