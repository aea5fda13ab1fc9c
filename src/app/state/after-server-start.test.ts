import { signal } from '@preact/signals';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Lesson } from '../../lessons/types.ts';
import type { ServerPill } from './lesson-runner.ts';
import { PanelLoadGates, afterServerStart } from './after-server-start.ts';

const lessonOf = (kind: 'server' | 'sql') => ({ meta: { kind } }) as unknown as Lesson;

function watched(kind?: 'server' | 'sql') {
  return { lesson: signal<Lesson | undefined>(kind && lessonOf(kind)), server: signal<ServerPill>({ state: 'starting' }) };
}

async function isOpen(ready: Promise<void>): Promise<boolean> {
  let open = false;
  void ready.then(() => (open = true));
  await vi.advanceTimersByTimeAsync(0);
  return open;
}

describe('afterServerStart: when the heavy panels may load', () => {
  afterEach(() => void vi.useRealTimers());

  it('waits while the lesson is loading and its server is starting, and opens once it runs (or crashed)', async () => {
    vi.useFakeTimers();
    for (const state of ['running', 'crashed', 'unavailable'] as const) {
      const source = watched();
      const gate = afterServerStart(source, 3000);
      expect(await isOpen(gate.ready)).toBe(false);
      source.lesson.value = lessonOf('server');
      expect(await isOpen(gate.ready)).toBe(false);
      source.server.value = { state };
      expect(await isOpen(gate.ready)).toBe(true);
    }
  });

  it('opens at once for a lesson without a server', async () => {
    vi.useFakeTimers();
    expect(await isOpen(afterServerStart(watched('sql'), 3000).ready)).toBe(true);
  });

  it('opens when the learner asks, or after the longest wait', async () => {
    vi.useFakeTimers();
    const asked = afterServerStart(watched('server'), 3000);
    asked.now();
    expect(await isOpen(asked.ready)).toBe(true);
    const slow = afterServerStart(watched('server'), 3000);
    await vi.advanceTimersByTimeAsync(2999);
    expect(await isOpen(slow.ready)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await isOpen(slow.ready)).toBe(true);
  });

  it('waits only on the page\'s first load: after that a lesson switch finds the gate open', async () => {
    vi.useFakeTimers();
    const source = watched('server');
    const gates = new PanelLoadGates(source, 3000);
    const first = gates.next();
    expect(await isOpen(first.ready)).toBe(false);
    source.server.value = { state: 'running' };
    expect(await isOpen(first.ready)).toBe(true);
    source.server.value = { state: 'starting' };
    expect(await isOpen(gates.next().ready)).toBe(true);
  });
});
