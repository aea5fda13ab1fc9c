/**
 * defaultServerReadyMs: a server lesson opened the way a learner opens it — no `?runtime=` —
 * in a browser where StackBlitz cannot be reached (the bench aborts every request off
 * loopback), on the second and later page loads. The first load waits out the WebContainers
 * boot deadline and the page remembers the failure (per origin, in localStorage); later loads
 * in the same browser profile should then go straight to the local runner. The first load is
 * timed too and kept in the details, with the runtime line the later loads showed, as evidence
 * that the memory, not something else, made them fast.
 */
import type { Page } from '@playwright/test';
import type { Lesson } from '../../lessons/types.ts';
import type { BenchBrowser } from './browser-session.ts';
import type { BenchContext } from './context.ts';
import { errorText } from './error-text.ts';
import { defaultLessonUrl } from './lesson-url.ts';
import type { ProbeLog } from './page-probe.ts';
import { failed, fromRuns, type Outcome } from './results.ts';
import { loadServerLesson, medianMilestones, type Milestones } from './server-lesson.ts';

const RUNS = 5;
/** The boot deadline (20 s) plus a server start, with room for a loaded machine. */
const FIRST_LOAD_TIMEOUT_MS = 90_000;

/** The header's last runtime line: which runtime the page chose, and why. */
function runtimeLine(probe: ProbeLog): string | undefined {
  return probe.entries.filter((entry) => entry.name === 'runtime' && entry.value).at(-1)?.value;
}

export async function measureDefaultServerReady(browser: BenchBrowser, appUrl: string, lesson: Lesson, ctx: BenchContext): Promise<Outcome> {
  const url = defaultLessonUrl(appUrl, lesson.id);
  const details: Record<string, unknown> = { lesson: lesson.id, url: 'no ?runtime= (automatic choice), StackBlitz unreachable', from: 'navigation start, new tab in the same browser profile (warm cache, boot outcome remembered)' };
  let page: Page = await browser.freshPage();
  const context = page.context();
  try {
    try {
      const first = await loadServerLesson(page, url, lesson, FIRST_LOAD_TIMEOUT_MS);
      details.firstLoadMs = Math.round(first.milestones.serverRunning);
      details.firstLoadRuntime = runtimeLine(first.probe);
      ctx.log(`  ${lesson.id}, first load: server running ${first.milestones.serverRunning.toFixed(0)} ms after navigation (${details.firstLoadRuntime ?? 'no runtime line'})`);
    } catch (error) {
      return failed(`the first page load never showed the server running: ${errorText(error)}`, details);
    }
    const samples: number[] = [];
    const milestones: Milestones[] = [];
    let problem: string | undefined;
    for (let run = 0; run < ctx.runs(RUNS); run += 1) {
      await page.close();
      page = await context.newPage();
      try {
        const load = await loadServerLesson(page, url, lesson);
        samples.push(load.milestones.serverRunning);
        milestones.push(load.milestones);
        details.laterLoadRuntime = runtimeLine(load.probe);
        ctx.log(`  ${lesson.id}, load ${run + 2}: server running ${load.milestones.serverRunning.toFixed(0)} ms after navigation`);
      } catch (error) {
        problem = errorText(error);
        break;
      }
    }
    details.medianMilestonesMs = milestones.length ? medianMilestones(milestones) : null;
    return fromRuns(samples, problem, details, 'the server never showed as running on a later page load');
  } finally {
    await context.close();
  }
}
