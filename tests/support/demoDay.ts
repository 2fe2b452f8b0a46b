// The day a test tells the demo's stories as of. The demo generator never reads the clock (demo/index.ts):
// - unit tests pass a fixed day, so their expectations are the same on any machine and any day;
// - end-to-end tests pass the day the browser under test will score on (the extension reads the clock at its edge,
//   entrypoints/background.ts), so the stories read the same whatever the machine's date — also under
//   `faketime -f '+400d'`, which moves node and the Chromium it launches together.
import { generateDemoData, type DemoData } from '../../demo';

/** A fixed day for unit tests (the day the demo was first calibrated on). */
export const FIXED_DEMO_DAY = '2026-11-23';

/** Demo data as of the fixed day. */
export function fixedDemoData(seed?: number): DemoData {
  return generateDemoData({ today: FIXED_DEMO_DAY, ...(seed === undefined ? {} : { seed }) });
}

/**
 * The UTC day the browser under test sees (same machine, same clock). A spec that starts in the last minutes before
 * UTC midnight would generate its data for one day and be scored the next: it waits for midnight to pass first.
 */
export async function browserDemoDay(): Promise<string> {
  const msToMidnight = 86_400_000 - (Date.now() % 86_400_000);
  if (msToMidnight < 10 * 60_000) await new Promise((resolve) => setTimeout(resolve, msToMidnight + 1_000));
  return new Date().toISOString().slice(0, 10);
}
