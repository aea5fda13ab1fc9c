import type { Page } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { AgentCheckTap } from './agent-tap.ts';

/** Just enough of a Playwright page to hand the tap one WebSocket and push frames into it. */
function fakePage(): { page: Page; receive: (payload: string) => void } {
  let onFrame: (frame: { payload: string }) => void = () => {};
  const socket = { on: (_event: string, handler: typeof onFrame) => (onFrame = handler) };
  // The tap only calls page.on('websocket', …); a full Page is not needed to test its parsing.
  const page = { on: (_event: string, handler: (ws: typeof socket) => void) => handler(socket) } as unknown as Page;
  return { page, receive: (payload) => onFrame({ payload }) };
}

const checkResult = (durationMs: number) => JSON.stringify({ type: 'check-result', id: 7, result: { id: 'a', title: 'A', status: 'pass', message: 'Passed.', durationMs } });

describe('AgentCheckTap', () => {
  it('collects the agent’s check durations from process output, even split across frames, and nothing else', () => {
    const { page, receive } = fakePage();
    const tap = new AgentCheckTap(page);
    const line = `${checkResult(12)}\n`;
    receive(JSON.stringify({ type: 'output', process: 1, data: line.slice(0, 20) }));
    receive(JSON.stringify({ type: 'output', process: 1, data: `${line.slice(20)}${checkResult(30)}\n` }));
    receive(JSON.stringify({ type: 'output', process: 2, data: 'server says "check-result" in a log line\n' }));
    receive(JSON.stringify({ type: 'reply', id: 1, ok: true, data: {} }));
    receive('not json');
    expect(tap.durations).toEqual([12, 30]);
    tap.reset();
    expect(tap.durations).toEqual([]);
  });
});
