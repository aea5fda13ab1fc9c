/**
 * Thrown when the learner's code is wrong. The runner turns it into a `fail` result; anything
 * else thrown while a check runs is the checker's own crash and becomes an `error`.
 */

/**
 * What kind of failure, where it changes how the failure is reported:
 * - `server-down`: the learner's server is not running, crashed or never listened. Reported
 *   first and alone — no step name, no route advice in front of it (there was no response).
 * - `setup`: a shared helper could not prepare what the check tests (e.g. signing a user up).
 *   The runner says which rule could not be tested yet, so every check keeps its own diagnosis.
 * Absent: the rule the check tests is broken.
 */
export type CheckFailureKind = 'server-down' | 'setup';

export class CheckFailure extends Error {
  // `declare`: no class-field initialisers, so `'expected' in failure` tells "given" from "not given".
  declare readonly expected?: unknown;
  declare readonly actual?: unknown;
  /** Output the failure explains (e.g. the crashed server's last lines), attached as logs. */
  declare readonly logs?: string;
  declare readonly kind?: CheckFailureKind;

  constructor(message: string, detail: { expected?: unknown; actual?: unknown; logs?: string; kind?: CheckFailureKind } = {}) {
    super(message);
    this.name = 'CheckFailure';
    // Assigned through a plain object: `declare` fields are read-only to the constructor's type checker too.
    const self = this as { expected?: unknown; actual?: unknown; logs?: string; kind?: CheckFailureKind };
    if ('expected' in detail) self.expected = detail.expected;
    if ('actual' in detail) self.actual = detail.actual;
    if (detail.logs !== undefined) self.logs = detail.logs;
    if (detail.kind !== undefined) self.kind = detail.kind;
  }
}

export function isCheckFailure(error: unknown): error is CheckFailure {
  // Checks modules are bundled separately from the runner, so `instanceof` alone could miss
  // a failure created by another copy of this class.
  return error instanceof CheckFailure || (error instanceof Error && error.name === 'CheckFailure');
}

/** A failure saying the learner's server is down (see `CheckFailureKind`). */
export function isServerDown(error: unknown): boolean {
  return isCheckFailure(error) && error.kind === 'server-down';
}
