// A million simulated customers through the lapse-risk pipeline, in a process of its own so that its peak RSS is its
// own (scripts/bench/risk.ts starts it: `node --import tsx scripts/bench/workers/riskMillion.ts <mode>`, one JSON line
// of figures on stdout). The log is generated in chunks of customers and each chunk is fed straight into the
// PurchaseDays builder: no array of order objects exists at any time, as in the extension's rescore (order buckets).
// Modes: `scoreBook` — the shipped path (model choice by backtest, refit, every account's figures; then, outside the
// pipeline's figures, every account's LapseRisk object made one at a time);
// `bgnbd` — summarize, fit BG/NBD and score everyone with the textbook formulas.
import { bgNbdPAlive, bgNbdPredictor, fitBgNbd, fitGammaGamma, gammaGammaExpectedSpend, PurchaseDaysBuilder, scoreBook, summarizePurchaseDays, toDayNumber, type RiskScores } from '../../../lib/insights/risk';
import { gammaSampler, random } from '../../../tests/support/random';

const START_DAY = toDayNumber('2024-01-01');
/** 39 weeks after the first day: the end of the observation. */
const END = '2024-09-30';
const CHUNK = 10_000;

/**
 * Simulated BG/NBD buyers (CDNOW-like parameters), first purchase in the first 12 weeks, observed 39 weeks, written
 * chunk by chunk into typed arrays and handed to `feed` (customer index, day number, amount per order).
 */
function simulate(count: number, seed: number, feed: (customer: Int32Array, day: Int32Array, amount: Float64Array, n: number) => void) {
  const rand = random(seed);
  const gamma = gammaSampler(rand);
  const { r, alpha, a, b } = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  let customer = new Int32Array(CHUNK * 4);
  let day = new Int32Array(CHUNK * 4);
  let amount = new Float64Array(CHUNK * 4);
  let n = 0;
  for (let c = 0; c < count; c++) {
    const lambda = gamma(r) / alpha; // purchases per week
    const x = gamma(a);
    const p = x / (x + gamma(b));
    let week = rand() * 12;
    // BG/NBD: dropout can follow any repeat purchase (the likelihood for x = 0 is e^(−λT)).
    for (let purchase = 0; week < 39; purchase++) {
      if (purchase > 1 && rand() < p) break;
      if (n === day.length) {
        customer = grow(customer);
        day = grow(day);
        amount = grow(amount);
      }
      customer[n] = c;
      day[n] = START_DAY + Math.floor(week * 7);
      amount[n] = 10 + Math.floor(rand() * 40);
      n++;
      week += -Math.log(rand() || 1e-300) / lambda;
    }
    if ((c + 1) % CHUNK === 0 || c + 1 === count) {
      feed(customer, day, amount, n);
      n = 0;
    }
  }
}

function grow<T extends Int32Array | Float64Array>(array: T): T {
  const bigger = new (array.constructor as new (n: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}

const rssMB = () => process.memoryUsage().rss / 2 ** 20;
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Wall and CPU time of `work`, added to `into`. */
function timed<T>(into: { wall: number; cpu: number }, work: () => T): T {
  const wall = performance.now();
  const cpu = cpuMs();
  const result = work();
  into.wall += performance.now() - wall;
  into.cpu += cpuMs() - cpu;
  return result;
}

function run(mode: string) {
  const count = Number(process.argv[3] ?? 1_000_000);
  const baselineMB = rssMB();
  const builder = new PurchaseDaysBuilder(toDayNumber(END));
  const feed = { wall: 0, cpu: 0 };
  const build = { wall: 0, cpu: 0 };
  const score = { wall: 0, cpu: 0 };
  let orders = 0;
  simulate(count, 1, (customer, day, amount, n) =>
    timed(feed, () => {
      let id = '';
      for (let i = 0; i < n; i++) {
        // One id string per customer, as a reader of stored orders has (a customer's orders come together).
        if (i === 0 || customer[i] !== customer[i - 1]) id = `c${customer[i]}`;
        builder.add(id, day[i], amount[i], 'EUR');
      }
      orders += n;
    }),
  );
  const grouped = timed(build, () => builder.build());
  const figures: Record<string, number | string> = { customers: grouped.customerIds.length, orders, baselineMB };
  let scores: RiskScores | undefined;
  if (mode === 'scoreBook') {
    const book = timed(score, () => scoreBook(grouped, { today: END, asOf: END }));
    scores = book.scores;
    figures.model = book.model.label;
    let high = 0;
    for (let k = 0; k < scores.length; k++) if (scores.levelAt(k) === 'high') high++;
    figures.high = high;
    // What stays: the book's purchase days and every account's figures (columns; LapseRisk objects made on demand).
    figures.rssAfterMB = rssMB();
    const memory = process.memoryUsage();
    figures.heapAfterMB = memory.heapUsed / 2 ** 20;
    figures.heapTotalAfterMB = memory.heapTotal / 2 ** 20;
    figures.arrayBuffersAfterMB = memory.arrayBuffers / 2 ** 20;
  } else {
    const fit = timed(score, () => {
      const rows = summarizePurchaseDays(grouped, toDayNumber(END), 7);
      const fitted = fitBgNbd(rows);
      const spend = fitGammaGamma(rows);
      const expected = bgNbdPredictor(fitted, 13);
      let total = 0;
      for (const row of rows) total += bgNbdPAlive(fitted, row.frequency, row.recency, row.T) * expected(row.frequency, row.recency, row.T) * gammaGammaExpectedSpend(spend, row.frequency, row.monetaryValue);
      figures.total = total;
      return fitted;
    });
    figures.model = `r=${fit.r.toFixed(3)}, a=${fit.a.toFixed(3)}`;
  }
  // The pipeline: everything but generating the log (feed, build, then scoreBook or summarize-fit-score).
  Object.assign(figures, { feedMs: feed.wall, feedCpuMs: feed.cpu, buildMs: build.wall, buildCpuMs: build.cpu, scoreMs: score.wall, scoreCpuMs: score.cpu });
  figures.pipelineMs = feed.wall + build.wall + score.wall;
  figures.pipelineCpuMs = feed.cpu + build.cpu + score.cpu;
  figures.peakRssMB = process.resourceUsage().maxRSS / 1024;
  if (scores) {
    // After the pipeline: every account's LapseRisk made one at a time, as a store writing them out takes them.
    const each = { wall: 0, cpu: 0 };
    figures.eachLapseRiskValid = timed(each, () => {
      let valid = 0;
      for (const risk of scores) if (risk.asOf === END) valid++;
      return valid;
    });
    Object.assign(figures, { eachLapseRiskMs: each.wall, eachLapseRiskCpuMs: each.cpu, peakRssWithEachMB: process.resourceUsage().maxRSS / 1024 });
  }
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

run(process.argv[2] ?? 'scoreBook');
