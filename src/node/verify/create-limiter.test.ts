import { describe, expect, it } from 'vitest';
import { createLimiter } from './create-limiter.ts';

describe('createLimiter', () => {
  it('never runs more than the limit at once, and runs every task', async () => {
    const limit = createLimiter(2);
    let inFlight = 0;
    let most = 0;
    const results = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        limit(async () => {
          inFlight += 1;
          most = Math.max(most, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inFlight -= 1;
          return i;
        }),
      ),
    );
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(most).toBe(2);
  });

  it('frees the slot when a task throws', async () => {
    const limit = createLimiter(1);
    await expect(limit(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});

describe('createLimiter ordering', () => {
  it('starts the costliest waiting task first, and equals in the order given', async () => {
    const limit = createLimiter(1);
    const started: string[] = [];
    const task = (name: string) => () => {
      started.push(name);
      return new Promise<void>((resolve) => setTimeout(resolve, 1));
    };
    // All given in one turn: ranked before any starts, so even the first slot goes to the costliest.
    await Promise.all([limit(task('cheap'), 1), limit(task('big-a'), 9), limit(task('free')), limit(task('big-b'), 9), limit(task('middle'), 5)]);
    expect(started).toEqual(['big-a', 'big-b', 'middle', 'cheap', 'free']);
  });

  it('ranks a task given later among those still waiting', async () => {
    const limit = createLimiter(1);
    const started: string[] = [];
    let releaseFirst!: () => void;
    const first = limit(() => {
      started.push('first');
      return new Promise<void>((resolve) => (releaseFirst = resolve));
    }, 1);
    await new Promise((resolve) => setTimeout(resolve, 1));
    const rest = [limit(async () => void started.push('small'), 1), limit(async () => void started.push('large'), 3)];
    releaseFirst();
    await Promise.all([first, ...rest]);
    expect(started).toEqual(['first', 'large', 'small']);
  });
});
