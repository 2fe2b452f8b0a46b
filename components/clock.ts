// The clock is read at the edge: the options page and the background entry point ask here, and pass the result into
// lib, which never reads the clock itself (tests/unit/architecture.test.ts enforces it).

/** The current moment. */
export const now = (): Date => new Date();

/** Today as yyyy-mm-dd in UTC, the calendar every insight counts whole days in. */
export const todayIso = (): string => now().toISOString().slice(0, 10);
