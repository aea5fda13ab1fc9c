/**
 * Runs a check's HTTP steps in order: fill `{{captures}}`, send, compare, capture. A mismatch
 * names the step and puts the author's advice in front of the precise difference. A server
 * that is down is reported as it is, first and alone: there was no response, so neither the
 * step's advice ("A 404 means…") nor its name would be true.
 */
import type { CheckContext, HttpStep } from './define.ts';
import { CheckFailure, isCheckFailure, isServerDown } from './check-failure.ts';
import { captureValue, expectResponse } from './http-expect.ts';
import { fillExpectation, fillTemplates } from './templates.ts';

/** Runs the steps; returns the captured values (a `db` check's `before` steps may feed its assertion). */
export async function runHttpSteps(steps: HttpStep[], t: CheckContext): Promise<Record<string, unknown>> {
  const captures: Record<string, unknown> = {};
  for (const step of steps) {
    const request = fillTemplates(step.request, captures);
    const expectation = step.expect && fillExpectation(step.expect, captures);
    const label = step.name ?? `${request.method ?? 'GET'} ${request.path}`;
    try {
      const response = await t.request(request);
      if (expectation) expectResponse(response, expectation);
      for (const [name, source] of Object.entries(step.capture ?? {})) captures[name] = captureValue(response, name, source);
    } catch (error) {
      if (!isCheckFailure(error) || isServerDown(error)) throw error;
      const detail = step.message ? `${step.message} (${error.message})` : error.message;
      throw new CheckFailure(`Step "${label}": ${detail}`, {
        ...('expected' in error ? { expected: error.expected } : {}),
        ...('actual' in error ? { actual: error.actual } : {}),
        ...(error.logs !== undefined ? { logs: error.logs } : {}),
        ...(error.kind !== undefined ? { kind: error.kind } : {}),
      });
    }
  }
  return captures;
}
