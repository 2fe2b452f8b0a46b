// `node --import tsx scripts/validate/ablation.ts`: why the shipped P(alive) (accountRisk.ts) ranks
// repeat buyers worse than BG/NBD. Rebuilds its two ingredients from the same exported pieces it uses
// (lifetime.ts, regularity.ts; read-only) and swaps them one at a time:
//   dropout: time-based lifetime fitted over the book (shipped) | BG/NBD's per-purchase a/(b+x−1)
//   silence: per-account Erlang-k from its own gaps with an off-rhythm mixture (shipped) | Poisson (k = 1)
// and prints AUC and Brier of each P(alive) for "bought in the holdout" among repeat buyers.
import { auc, brierScore, splitBook } from '../../lib/insights/risk/backtest';
import { bgNbdPAlive, fitBgNbd } from '../../lib/insights/risk/bgNbd';
import { fitLifetime, lifetimePAlive, silenceEvidence } from '../../lib/insights/risk/lifetime';
import { erlangSilenceSurvival, offRhythmShare, regularityOf, silenceSurvival, type GapModel } from '../../lib/insights/risk/regularity';
import { groupPurchaseDays } from '../../lib/insights/risk/summary';
import { toDayNumber } from '../../lib/model/days';
import { mbgCnbdPAlive, fitMbgCnbd } from '../../lib/insights/risk/mbgcnbd';
import { dataSets } from './dataSets';

const median = (values: number[]) => {
  const sorted = [...values].sort((p, q) => p - q);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

for (const data of dataSets) {
  const orders = data.load();
  const split = splitBook(orders, data.calibrationEnd, data.holdoutEnd, 'weeks');
  const { rows } = split;
  // Each account's own gaps in days, as accountRisk.ts takes them.
  const calibrationDay = toDayNumber(data.calibrationEnd);
  const grouped = groupPurchaseDays(orders, calibrationDay, (o) => o.customerId);
  const gapsById = new Map<string, number[]>();
  grouped.customerIds.forEach((id, k) => {
    const gaps: number[] = [];
    for (let i = grouped.start[k] + 1; i < grouped.start[k + 1]; i++) gaps.push(grouped.days[i] - grouped.days[i - 1]);
    gapsById.set(id, gaps);
  });
  const gapModels: (GapModel | undefined)[] = split.customerIds.map((id) => {
    const gaps = gapsById.get(id) ?? [];
    return gaps.length === 0 ? undefined : { k: regularityOf(gaps), offRhythm: offRhythmShare(gaps, median(gaps)) };
  });
  const bg = fitBgNbd(rows);
  const mbg = fitMbgCnbd(rows);
  const shippedSurvival = (i: number) => {
    const row = rows[i];
    const gm = gapModels[i];
    return gm ? (u: number) => silenceSurvival(bg, row.frequency, row.recency, u, gm) : (u: number) => erlangSilenceSurvival(bg, 0, 0, u, 1);
  };
  const poissonSurvival = (i: number) => (u: number) => erlangSilenceSurvival(bg, rows[i].frequency, rows[i].recency, u, 1);
  const lifetimeP = (survival: (i: number) => (u: number) => number) => {
    const evidence = rows.map((row, i) => silenceEvidence(row.recency, row.T, survival(i)));
    const fit = fitLifetime(evidence);
    return { p: evidence.map((e) => lifetimePAlive(fit, e)), fit };
  };
  const perPurchaseP = (survival: (i: number) => (u: number) => number) =>
    rows.map((row, i) => {
      if (row.frequency === 0) return 1;
      const s = survival(i)(row.T - row.recency);
      return 1 / (1 + bg.a / (bg.b + row.frequency - 1) / Math.max(s, 1e-300));
    });
  const shipped = lifetimeP(shippedSurvival);
  const lifetimePoisson = lifetimeP(poissonSurvival);
  const variants: [string, number[]][] = [
    ['shipped: lifetime dropout + own Erlang-k/off-rhythm silence', shipped.p],
    ['lifetime dropout + Poisson silence (k = 1)', lifetimePoisson.p],
    ['BG/NBD per-purchase dropout + own Erlang-k/off-rhythm silence', perPurchaseP(shippedSurvival)],
    ['BG/NBD (per-purchase dropout + Poisson silence)', rows.map((row) => bgNbdPAlive(bg, row.frequency, row.recency, row.T))],
    [`MBG/CNBD-k (k=${mbg.k}, one k for the book, fitted)`, rows.map((row) => mbgCnbdPAlive(mbg, row.frequency, row.recency, row.T))],
  ];
  const repeat: number[] = [];
  split.repeat.forEach((r, i) => r && repeat.push(i));
  const labels = repeat.map((i) => split.bought[i]);
  console.log(`\n## ${data.name} — repeat buyers: ${repeat.length.toLocaleString('en')}, of whom ${labels.filter(Boolean).length.toLocaleString('en')} bought in the holdout`);
  for (const [name, p] of variants) {
    const picked = repeat.map((i) => p[i]);
    const recent = repeat.filter((i) => split.silenceDays[i] <= 30).map((i) => p[i]);
    console.log(
      `  ${name.padEnd(66)} AUC ${auc(picked, labels).toFixed(3)}  Brier ${brierScore(picked, labels).toFixed(3)}  ` +
        `mean P ${(picked.reduce((s, v) => s + v, 0) / picked.length).toFixed(3)}  (silent ≤ 30 days: min P ${Math.min(...recent).toFixed(3)}, n ${recent.length})`,
    );
  }
  const { s, beta } = shipped.fit;
  const ks = gapModels.filter((g): g is GapModel => g !== undefined).map((g) => g.k);
  const kCounts = new Map<number, number>();
  for (const k of ks) kCounts.set(Math.min(k, 9), (kCounts.get(Math.min(k, 9)) ?? 0) + 1);
  console.log(
    `  lifetime fit: s=${s.toPrecision(3)} β=${beta.toPrecision(3)} weeks → mean dropout ${((s / beta) * 52).toFixed(3)}/year, CV of the rate across accounts 1/√s = ${(1 / Math.sqrt(s)).toFixed(3)}`,
  );
  console.log(`  own-gap Erlang k of repeat buyers: ${[...kCounts].sort((p, q) => p[0] - q[0]).map(([k, c]) => `${k === 9 ? '≥9' : k}: ${c}`).join(', ')}`);
}
