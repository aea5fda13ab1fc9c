import { describe, expect, it } from 'vitest';
import { leftAndReturned, type ProbeEntry } from './page-probe.ts';

describe('leftAndReturned', () => {
  const running = /running/i;
  const log: ProbeEntry[] = [
    { t: 100, name: 'server', value: 'Server running' },
    { t: 500, name: 'key', value: 'Control+s' },
    { t: 520, name: 'server', value: 'Server stopped' },
    { t: 530, name: 'server', value: 'Server starting' },
    { t: 900, name: 'server', value: 'Server running' },
  ];

  it('finds the moment the status came back to running after leaving it, after the action', () => {
    expect(leftAndReturned(log, 500, 'server', running)?.t).toBe(900);
  });

  it('finds nothing while the status never left running after the action', () => {
    expect(leftAndReturned(log.slice(0, 2), 500, 'server', running)).toBeUndefined();
  });
});
