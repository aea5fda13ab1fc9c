import { describe, expect, it } from 'vitest';
import { appendRequestLog, MAX_REQUEST_LOG } from './request-log.ts';

describe('appendRequestLog', () => {
  it('appends the entry without its event type and keeps only the newest entries', () => {
    let log = appendRequestLog([], { type: 'request-log', method: 'GET', path: '/tasks', status: 200, durationMs: 3 });
    expect(log).toEqual([{ method: 'GET', path: '/tasks', status: 200, durationMs: 3 }]);
    for (let i = 0; i < MAX_REQUEST_LOG + 3; i++) log = appendRequestLog(log, { type: 'request-log', method: 'POST', path: `/r${i}`, status: 201, durationMs: 1 });
    expect(log).toHaveLength(MAX_REQUEST_LOG);
    expect(log.at(-1)?.path).toBe(`/r${MAX_REQUEST_LOG + 2}`);
  });
});
