// The PurchaseDaysBuilder's customer-id table (summary.ts).
/**
 * Customer ids to their index in `ids` (the builder's list, which it appends to): an open-addressing table of indices
 * with each id's hash kept beside it, so that a lookup reads one slot where a Map of a million strings takes two or
 * three scattered reads, and growing rehashes no string.
 */
export class IdIndex {
  private slots = new Int32Array(1 << 10).fill(-1);
  private hashes = new Int32Array(1 << 9);
  private count = 0;
  /** The hash and free slot of the last failed find, for the insert that follows it. */
  private missHash = 0;
  private missSlot = -1;

  constructor(private readonly ids: readonly string[]) {}

  /** The index of `id`, or −1. */
  find(id: string): number {
    const hash = hashOf(id);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = this.slots[slot];
      if (at < 0) {
        this.missHash = hash;
        this.missSlot = slot;
        return -1;
      }
      if (this.hashes[at] === hash && this.ids[at] === id) return at;
    }
  }

  /** Files the id the find just before did not find, under the next index (the caller appends it to `ids`). */
  insert(): number {
    const at = this.count++;
    if (this.missSlot < 0) throw new Error('IdIndex.insert without a failed find');
    if (at === this.hashes.length) {
      const hashes = new Int32Array(at * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[at] = this.missHash;
    this.slots[this.missSlot] = at;
    this.missSlot = -1;
    if (2 * this.count > this.slots.length) this.rehash();
    return at;
  }

  private rehash() {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let at = 0; at < this.count; at++) {
      let slot = this.hashes[at] & mask;
      while (this.slots[slot] >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = at;
    }
  }
}

/** FNV-1a over the UTF-16 code units, then a final avalanche of the low bits (a 32-bit integer). */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h ^ (h >>> 15);
}
