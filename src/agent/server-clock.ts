/**
 * The agent's side of the learner's server clock (the clock preload is the other side): it
 * publishes the offset checks asked for in `.agent/clock.json` and, while the server runs,
 * waits until the preload acknowledges it, so a check's next request already sees the new
 * time and the timers that came due have fired.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CheckFailure } from '../checks/check-failure.ts';
import type { ClockState } from './clock-state.ts';
import { CLOCK_ACK, CLOCK_STATE } from './workspace-paths.ts';

/**
 * A live server polls every 10 ms; this much silence means it is stuck (or the preload is not
 * loaded). Generous, because a server busy hashing at OWASP cost on a loaded 2-core machine polls
 * late, while a server stuck in a loop never answers at all.
 */
const ACK_TIMEOUT_MS = 8000;
const ACK_POLL_MS = 3;

export class ServerClock {
  private offsetMs = 0;
  private generation = 0;

  constructor(
    private readonly root: string,
    /** Whether a server is running that must acknowledge a change (a stopped one reads the file when it starts). */
    private readonly serverRunning: () => boolean,
  ) {}

  /** Publishes the real time (offset 0) for a new session. */
  async init(): Promise<void> {
    // The previous lesson's last check may have left the clock moved: a new session starts on the real time.
    this.offsetMs = 0;
    await rm(join(this.root, CLOCK_ACK), { force: true });
    await this.write();
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }

  async advance(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`clock.advance(ms) needs a finite number of milliseconds >= 0, got ${String(ms)}`);
    if (ms === 0) return;
    this.offsetMs += ms;
    await this.publish();
  }

  /** Back to the real time; nothing to publish when the clock was never moved. */
  async reset(): Promise<void> {
    if (this.offsetMs === 0) return;
    this.offsetMs = 0;
    await this.publish();
  }

  private async write(): Promise<void> {
    const state: ClockState = { generation: this.generation, offsetMs: this.offsetMs };
    await writeFile(join(this.root, CLOCK_STATE), JSON.stringify(state));
  }

  private async publish(): Promise<void> {
    this.generation += 1;
    await this.write();
    const deadline = Date.now() + ACK_TIMEOUT_MS;
    while (this.serverRunning()) {
      if ((await this.acknowledged()) >= this.generation) return;
      if (Date.now() > deadline) {
        throw new CheckFailure(`Your server did not take the new time within ${ACK_TIMEOUT_MS / 1000} s after the check moved its clock: is it stuck in a loop?`);
      }
      await new Promise((resolve) => setTimeout(resolve, ACK_POLL_MS));
    }
  }

  private async acknowledged(): Promise<number> {
    try {
      return Number(await readFile(join(this.root, CLOCK_ACK), 'utf8')) || 0;
    } catch {
      return 0;
    }
  }
}
