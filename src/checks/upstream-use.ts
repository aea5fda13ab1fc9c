/**
 * What a lesson's checks ask of the upstream fakes, known without running a check: whether the
 * learner's server must start with MSW preloaded (any check, or the lesson, scripts an upstream)
 * and the lesson-level script active while the learner works. Read at build time from the
 * compiled checks, so the agent can start the server before it has loaded them.
 */
import type { LessonChecks } from './define.ts';
import type { UpstreamScript } from './http-spec.ts';

export interface UpstreamUse {
  /** Start the learner's server with the MSW preload. */
  mock: boolean;
  /** The lesson-level fakes (`defineChecks({ upstream })`), empty when none. */
  script: UpstreamScript;
}

export function upstreamUse(checks: Pick<LessonChecks, 'upstream' | 'checks'>): UpstreamUse {
  const script = checks.upstream ?? {};
  return { mock: Object.keys(script).length > 0 || checks.checks.some((check) => check.upstream !== undefined), script };
}
