// Similar product mixes: for an account without an industry, the accounts that buy the most similar set of products
// (lib/insights/peers.ts compares it with them for opportunities). Pure.

/**
 * Accounts without an industry are compared with the accounts whose product mix is most like theirs: the cosine
 * similarity of which products they buy (bought or not: spend would let one large product decide), at least
 * SIMILAR_MIX (a bakery buying vanilla is like one buying vanilla and cocoa, 0.71; not like a lab buying reagents, 0),
 * the MIX_PEERS most similar. Opportunities never come from "all accounts" or "accounts your size": a biotech lab is
 * not offered what bakeries buy.
 */
export const SIMILAR_MIX = 0.5;
export const MIX_PEERS = 25;
/** The buyers of one product looked at for one account's product mix (a product everyone buys lists everyone). */
const MIX_CANDIDATES = 2_000;

/** Buyers by the products they buy, for finding similar product mixes (counts in one reused typed array). */
export class MixIndex<Member extends { products: ReadonlyMap<number, number> }> {
  private readonly byProduct = new Map<number, number[]>();
  private readonly index = new Map<Member, number>();
  private readonly shared: Int32Array;
  constructor(private readonly buyers: readonly Member[]) {
    buyers.forEach((m, i) => {
      this.index.set(m, i);
      for (const p of m.products.keys()) {
        let list = this.byProduct.get(p);
        if (!list) this.byProduct.set(p, (list = []));
        list.push(i);
      }
    });
    this.shared = new Int32Array(buyers.length);
  }

  /** The accounts whose product mix is most like `m`'s (`m` first): cosine similarity of the products they buy. */
  similar(m: Member): Member[] {
    const self = this.index.get(m);
    const touched: number[] = [];
    for (const p of m.products.keys()) {
      const list = this.byProduct.get(p) ?? [];
      for (let k = 0; k < list.length && k < MIX_CANDIDATES; k++) {
        const i = list[k]!;
        if (i === self) continue;
        if (this.shared[i]++ === 0) touched.push(i);
      }
    }
    const own = Math.sqrt(m.products.size);
    const found: [number, number][] = [];
    for (const i of touched) {
      const cos = this.shared[i]! / (own * Math.sqrt(this.buyers[i]!.products.size));
      this.shared[i] = 0;
      if (cos >= SIMILAR_MIX) found.push([i, cos]);
    }
    found.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return [m, ...found.slice(0, MIX_PEERS).map(([i]) => this.buyers[i]!)];
  }
}
