/**
 * heapAfter10LessonsMb: one page opens 10 lessons in a row (in curriculum order, by in-app
 * navigation), applies each solution (where the lesson offers Solve), runs its checks and
 * waits for their summary; then forces a garbage collection and reads the page's JS heap over
 * CDP. The heap after each lesson goes in the details, so a leak shows as a staircase.
 */
import type { CDPSession, Page } from '@playwright/test';
import type { Lesson } from '../../lessons/types.ts';
import type { BenchContext } from './context.ts';
import type { BenchBrowser } from './browser-session.ts';
import { lessonMarker } from './lesson-picks.ts';
import { localRunnerUrl } from './lesson-url.ts';
import { firstAfter, ProbeLog } from './page-probe.ts';
import { errorText } from './error-text.ts';
import { failed, fromRuns, type Outcome } from './results.ts';
import { round } from './stats.ts';
import { applySolution, timeCheck } from './ui-actions.ts';

const RUNS = 3;
const LESSONS = 10;
const STEP_TIMEOUT_MS = 60_000;
const MB = 1024 * 1024;

async function heapAfterGcMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / MB;
}

/** Opens one lesson in the running app, solves it if it can, runs its checks and waits for the summary. */
async function workThroughLesson(page: Page, probe: ProbeLog, lesson: Lesson): Promise<void> {
  await probe.expectText(lessonMarker(lesson));
  const from = (await probe.refresh()).at(-1)?.t ?? 0;
  await page.evaluate((hash) => (location.hash = hash), `#/${lesson.id}`);
  await probe.waitFor(`the text of ${lesson.id}`, STEP_TIMEOUT_MS, (entries) => firstAfter(entries, from, 'text', /./));
  // No need to wait for the server first: the workspace queues Solve and Check behind its start.
  await applySolution(page);
  await timeCheck(page, probe, STEP_TIMEOUT_MS);
}

export async function measureHeap(browser: BenchBrowser, appUrl: string, ordered: Lesson[], ctx: BenchContext): Promise<Outcome> {
  const lessons = ordered.slice(0, LESSONS);
  if (lessons.length < LESSONS) return failed(`the curriculum has ${ordered.length} lessons; this metric opens ${LESSONS}`);
  const samples: number[] = [];
  let staircase: number[] = [];
  let problem: string | undefined;
  for (let run = 0; run < ctx.runs(RUNS) && !problem; run += 1) {
    const page = await browser.freshPage();
    try {
      const cdp = await page.context().newCDPSession(page);
      const probe = new ProbeLog(page);
      await page.goto(localRunnerUrl(appUrl));
      const afterEach: number[] = [await heapAfterGcMb(cdp)];
      for (const lesson of lessons) {
        await workThroughLesson(page, probe, lesson);
        if (run === 0) afterEach.push(await heapAfterGcMb(cdp));
      }
      const heap = await heapAfterGcMb(cdp);
      samples.push(heap);
      if (run === 0) staircase = afterEach.map((value) => round(value, 1));
      ctx.log(`  heap after ${lessons.length} lessons: ${heap.toFixed(1)} MB`);
    } catch (error) {
      problem = errorText(error);
    } finally {
      await page.context().close();
    }
  }
  const afterEachLesson = staircase.slice(1);
  // Growth per lesson after the first (which loads Monaco and the workspace once): ~0 when nothing leaks.
  const growthPerLessonMb = afterEachLesson.length > 1 ? round((afterEachLesson.at(-1)! - afterEachLesson[0]!) / (afterEachLesson.length - 1), 2) : null;
  const details = { lessons: lessons.map((lesson) => lesson.id), heapAfterGcMb: { atStart: staircase[0], afterEachLesson }, growthPerLessonMb };
  return fromRuns(samples, problem, details, `could not work through ${LESSONS} lessons`);
}
