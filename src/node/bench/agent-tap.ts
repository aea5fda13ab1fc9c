/**
 * Listens to the local runner's WebSocket in the page and picks the agent's `check-result`
 * messages out of the process output it carries. Their `durationMs` is the time the agent
 * spent in each check; the rest of checkRunMs is transport and rendering — evidence for
 * where a slow Check goes.
 */
import type { Page } from '@playwright/test';
import type { AgentMessage } from '../../agent/protocol.ts';

export class AgentCheckTap {
  /** Agent-side durations of the checks seen since the last `reset()`. */
  durations: number[] = [];
  private readonly partial = new Map<number, string>();

  constructor(page: Page) {
    page.on('websocket', (socket) => {
      socket.on('framereceived', ({ payload }) => {
        if (typeof payload === 'string') this.onFrame(payload);
      });
    });
  }

  reset(): void {
    this.durations = [];
  }

  private onFrame(payload: string): void {
    let frame: { type?: string; process?: number; data?: string };
    try {
      frame = JSON.parse(payload) as typeof frame;
    } catch {
      return; // not a runner message: nothing to learn from it
    }
    if (frame.type !== 'output' || typeof frame.data !== 'string' || typeof frame.process !== 'number') return;
    // Output arrives in chunks: agent lines can be split across frames.
    const lines = ((this.partial.get(frame.process) ?? '') + frame.data).split('\n');
    this.partial.set(frame.process, lines.pop() ?? '');
    for (const line of lines) {
      if (!line.includes('"check-result"')) continue;
      try {
        const message = JSON.parse(line) as AgentMessage;
        if (message.type === 'check-result') this.durations.push(message.result.durationMs);
      } catch {
        // A learner's server line that happens to mention check-result: not the agent's.
      }
    }
  }
}
