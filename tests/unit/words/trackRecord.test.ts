import { describe, expect, it } from 'vitest';
import type { RiskModel } from '../../../lib/model/insight';
import { trackRecordText } from '../../../lib/words/risk';

// The track record is a count of what happened on the user's own orders: 10 of 10 is "all", never the 99% that a
// chance is capped at, and the accounts that stopped are counted too.
const model = (flagged: number, quiet: number, stopped: number, caught: number): RiskModel => ({
  label: 'MBG/CNBD-k (k=3)',
  chosenBy: 'backtest',
  horizonDays: 90,
  thresholds: { high: 0.2, watch: 0.5 },
  trackRecord: {
    from: '2026-09-01',
    accounts: 65,
    stopped,
    targets: { high: 0.8, watch: 0.5 },
    high: { flagged, precision: quiet / flagged, recall: caught / stopped },
    watch: { flagged, precision: quiet / flagged, recall: caught / stopped },
  },
});

describe('the track record in words', () => {
  it('all of ten flagged stopped: "all", not 99%', () => {
    expect(trackRecordText(model(10, 10, 13, 10), '2026-12-01')).toBe(
      'Checked on your orders: of the 10 accounts this would have flagged high on 1 Sep, all placed no order in the next 90 days; it caught 77% of the 13 accounts that stopped.',
    );
  });
  it('a share that is neither all nor none never rounds to 100% or 0%', () => {
    const text = trackRecordText(model(200, 199, 400, 1), '2026-12-01');
    expect(text).toContain('of the 200 accounts this would have flagged high on 1 Sep, 99% placed no order');
    expect(text).toContain('it caught 1% of the 400 accounts that stopped.');
  });
  it('caught every account that stopped: "all"', () => {
    expect(trackRecordText(model(12, 9, 9, 9), '2026-12-01')).toContain('75% placed no order in the next 90 days; it caught all of the 9 accounts that stopped.');
  });
});
