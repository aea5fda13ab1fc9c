/**
 * Thrown when the learner's code is wrong. The runner turns it into a `fail` result; anything
 * else thrown while a check runs is the checker's own crash and becomes an `error`.
 */
export class CheckFailure extends Error {
  // `declare`: no class-field initialisers, so `'expected' in failure` tells "given" from "not given".
  declare readonly expected?: unknown;
  declare readonly actual?: unknown;
  /** Output the failure explains (e.g. the crashed server's last lines), attached as logs. */
  declare readonly logs?: string;

  constructor(message: string, detail: { expected?: unknown; actual?: unknown; logs?: string } = {}) {
    super(message);
    this.name = 'CheckFailure';
    // Assigned through a plain object: `declare` fields are read-only to the constructor's type checker too.
    const self = this as { expected?: unknown; actual?: unknown; logs?: string };
    if ('expected' in detail) self.expected = detail.expected;
    if ('actual' in detail) self.actual = detail.actual;
    if (detail.logs !== undefined) self.logs = detail.logs;
  }
}

export function isCheckFailure(error: unknown): error is CheckFailure {
  // Checks modules are bundled separately from the runner, so `instanceof` alone could miss
  // a failure created by another copy of this class.
  return error instanceof CheckFailure || (error instanceof Error && error.name === 'CheckFailure');
}
