// What the demo supplier sells: food ingredients and packaging, with list prices in EUR and the pack an order
// line is a multiple of. Prices are plausible wholesale levels, not quotes.

export interface Product {
  name: string;
  sku: string;
  unit: 'kg' | 'L' | 'pcs';
  unitPrice: number;
  /** Order quantities are whole multiples of this. */
  pack: number;
}

function product(name: string, sku: string, unit: Product['unit'], unitPrice: number, pack: number): Product {
  return { name, sku, unit, unitPrice, pack };
}

export const PRODUCTS = {
  // Liquid flavourings ship in 5 kg jerrycans.
  strawberryFlavouring: product('Strawberry flavouring', 'FL-STR-N05', 'kg', 34.5, 5),
  vanillaFlavouring: product('Vanilla flavouring', 'FL-VAN-N05', 'kg', 29.8, 5),
  citrusFlavouring: product('Citrus flavouring', 'FL-CIT-N05', 'kg', 31.2, 5),
  caramelFlavouring: product('Caramel flavouring', 'FL-CAR-05', 'kg', 26.9, 5),
  butterFlavouring: product('Butter flavouring', 'FL-BUT-05', 'kg', 24.4, 5),
  vanillaExtract: product('Vanilla extract', 'VX-MAD-1L', 'L', 165, 1),
  cocoaPowder: product('Cocoa powder', 'CP-2224-25', 'kg', 6.2, 25),
  cocoaButter: product('Cocoa butter', 'CB-DEO-25', 'kg', 11.8, 25),
  lecithin: product('Sunflower lecithin', 'EM-LEC-20', 'kg', 5.4, 20),
  monoglycerides: product('Mono- and diglycerides (E471)', 'EM-E471-25', 'kg', 3.9, 25),
  pectin: product('Pectin', 'ST-PEC-25', 'kg', 14.5, 25),
  xanthan: product('Xanthan gum', 'ST-XAN-25', 'kg', 8.2, 25),
  beetrootRed: product('Beetroot red colour', 'CO-BRD-10', 'kg', 18, 10),
  glucoseSyrup: product('Glucose syrup', 'SW-GLU-250', 'kg', 0.85, 250),
  kraftBags: product('Kraft paper bags', 'PK-KRB-1000', 'pcs', 0.09, 1000),
  petTrays: product('PET trays', 'PK-PET-500', 'pcs', 0.14, 500),
  shippingBoxes: product('Corrugated shipping boxes', 'PK-BOX-250', 'pcs', 0.62, 250),
} as const satisfies Record<string, Product>;

export const INDUSTRIES = [
  'Bakery',
  'Confectionery',
  'Beverages',
  'Dairy',
  'Snacks',
  'Distribution',
  'Food Manufacturing',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

const P = PRODUCTS;

/**
 * What accounts of each industry plausibly buy, most important first. Bakery is absent on purpose: bakeries'
 * baskets are set by the expansion scenario, which needs exact control over who buys cocoa.
 */
export const INDUSTRY_BASKETS: Record<Exclude<Industry, 'Bakery'>, Product[]> = {
  Confectionery: [P.cocoaPowder, P.cocoaButter, P.lecithin, P.vanillaFlavouring, P.glucoseSyrup, P.beetrootRed, P.petTrays],
  Beverages: [P.citrusFlavouring, P.strawberryFlavouring, P.beetrootRed, P.xanthan, P.shippingBoxes],
  Dairy: [P.strawberryFlavouring, P.vanillaFlavouring, P.pectin, P.caramelFlavouring, P.xanthan, P.beetrootRed],
  Snacks: [P.caramelFlavouring, P.butterFlavouring, P.lecithin, P.kraftBags, P.shippingBoxes],
  Distribution: [P.vanillaFlavouring, P.citrusFlavouring, P.lecithin, P.pectin, P.cocoaPowder, P.shippingBoxes],
  'Food Manufacturing': [P.strawberryFlavouring, P.citrusFlavouring, P.caramelFlavouring, P.monoglycerides, P.xanthan, P.shippingBoxes],
};

/** Whole packs worth about `amount` euros (at least one pack). */
export function quantityFor(productSpec: Product, amount: number): number {
  const packs = Math.max(1, Math.round(amount / (productSpec.unitPrice * productSpec.pack)));
  return packs * productSpec.pack;
}

export function lineAmount(productSpec: Product, quantity: number): number {
  return Math.round(productSpec.unitPrice * quantity * 100) / 100;
}
