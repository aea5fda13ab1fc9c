import { describe, expect, it } from 'vitest';
import { CheckFailure, isCheckFailure } from '../checks/check-failure.ts';
import { reviveError, serializeError } from './check-worker-protocol.ts';

/** What crosses to the worker: serialized, structured-cloned like postMessage, revived. */
const roundTrip = (error: unknown): Error => reviveError(structuredClone(serializeError(error)));

describe('errors between the agent and its checks worker', () => {
  it('keep a CheckFailure a CheckFailure, with exactly the details given', () => {
    const revived = roundTrip(new CheckFailure('Your server is not running.', { logs: 'boom', kind: 'server-down', expected: undefined }));
    expect(isCheckFailure(revived)).toBe(true);
    expect(revived).toMatchObject({ message: 'Your server is not running.', logs: 'boom', kind: 'server-down' });
    expect('expected' in revived).toBe(true);
    expect('actual' in revived).toBe(false);
  });

  it('keep any other error a crash, with its name, message and stack', () => {
    const error = new TypeError('x is not a function');
    const revived = roundTrip(error);
    expect(isCheckFailure(revived)).toBe(false);
    expect(revived).toMatchObject({ name: 'TypeError', message: 'x is not a function', stack: error.stack });
    expect(roundTrip('thrown string')).toMatchObject({ name: 'Error', message: 'thrown string' });
  });
});
