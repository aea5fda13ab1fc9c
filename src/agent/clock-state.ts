/**
 * The learner's server clock as the agent publishes it (`.agent/clock.json`) and the clock
 * preload reads it. A new generation is a new instruction; the preload acknowledges the
 * generation it applied (`.agent/clock-ack`), so the agent knows when the server has seen it.
 * Pure and shared by both sides.
 */
export interface ClockState {
  generation: number;
  /** Added to the real time: what checks have advanced the server's clock by. */
  offsetMs: number;
}

/** Parses the published state; `undefined` for a file that is missing, half-written or foreign. */
export function parseClockState(text: string): ClockState | undefined {
  try {
    const value = JSON.parse(text) as Partial<ClockState>;
    if (typeof value.generation === 'number' && typeof value.offsetMs === 'number' && Number.isFinite(value.offsetMs)) return { generation: value.generation, offsetMs: value.offsetMs };
  } catch {
    // Written half-way: the next read sees the whole file.
  }
  return undefined;
}
