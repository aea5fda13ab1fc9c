/**
 * Runs a check's HTTP steps in order: fill `{{captures}}`, send, compare, capture. A mismatch
 * names the step and puts the author's advice in front of the precise difference.
 */
import type { CheckContext, HttpStep } from './define.ts';
import { CheckFailure, isCheckFailure } from './check-failure.ts';
import { captureValue, expectResponse } from './http-expect.ts';
import { fillTemplates } from './templates.ts';

/** Runs the steps; returns the captured values (a `db` check's `before` steps may feed its assertion). */
export async function runHttpSteps(steps: HttpStep[], t: CheckContext): Promise<Record<string, unknown>> {
  const captures: Record<string, unknown> = {};
  for (const step of steps) {
    const request = fillTemplates(step.request, captures);
    const label = step.name ?? `${request.method ?? 'GET'} ${request.path}`;
    try {
      const response = await t.request(request);
      if (step.expect) expectResponse(response, step.expect);
      for (const [name, source] of Object.entries(step.capture ?? {})) captures[name] = captureValue(response, name, source);
    } catch (error) {
      if (!isCheckFailure(error)) throw error;
      const detail = step.message ? `${step.message} (${error.message})` : error.message;
      throw new CheckFailure(`Step "${label}": ${detail}`, {
        ...('expected' in error ? { expected: error.expected } : {}),
        ...('actual' in error ? { actual: error.actual } : {}),
        ...(error.logs !== undefined ? { logs: error.logs } : {}),
      });
    }
  }
  return captures;
}
