import { afterEach, describe, expect, it, vi } from 'vitest';
import { Autosaver } from './autosave.ts';

afterEach(() => vi.useRealTimers());

describe('Autosaver', () => {
  it('writes the last value once after the delay', async () => {
    vi.useFakeTimers();
    const write = vi.fn(async () => {});
    const saver = new Autosaver<string>(write, 500);
    saver.schedule('a', '1');
    saver.schedule('a', '2');
    expect(write).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(500);
    expect(write.mock.calls).toEqual([['a', '2']]);
  });

  it('flush writes what is pending at once', async () => {
    const write = vi.fn(async () => {});
    const saver = new Autosaver<string>(write, 10_000);
    saver.schedule('a', '1');
    saver.schedule('b', '2');
    await saver.flush();
    expect(write.mock.calls).toEqual([['a', '1'], ['b', '2']]);
  });

  it('reports a failed write instead of throwing', async () => {
    const errors: unknown[] = [];
    const saver = new Autosaver<string>(async () => Promise.reject(new Error('quota')), 10, (error) => errors.push(error));
    saver.schedule('a', '1');
    await saver.flush();
    expect(errors).toHaveLength(1);
  });
});
