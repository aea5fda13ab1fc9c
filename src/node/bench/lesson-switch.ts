/**
 * lessonSwitchMs: with a server lesson running on the local runner, the learner clicks the next
 * server lesson in the lesson list; the time from the click to "Server running" for it. The
 * page walks forward through consecutive server lessons, one switch per run, so each switch
 * opens a lesson the page has not run before — as a learner moving on does. The page's one
 * agent serves them all: a switch mounts the lesson's files and restarts only the server.
 */
import type { Lesson } from '../../lessons/types.ts';
import type { BenchBrowser } from './browser-session.ts';
import type { BenchContext } from './context.ts';
import { errorText } from './error-text.ts';
import { actionAfter, leftAndReturned } from './page-probe.ts';
import { failed, fromRuns, type Outcome } from './results.ts';
import { openServerLesson } from './server-lesson.ts';
import { clickLessonLink, SERVER_RUNNING } from './ui-actions.ts';

const RUNS = 5;
const SWITCH_TIMEOUT_MS = 30_000;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `start` and the server lessons after it, in curriculum order: the lessons a learner walks through. */
export function serverLessonsFrom(ordered: readonly Lesson[], start: Lesson): Lesson[] {
  return ordered.slice(ordered.indexOf(start)).filter((lesson) => lesson.kind === 'server');
}

export async function measureLessonSwitch(browser: BenchBrowser, appUrl: string, walk: Lesson[], ctx: BenchContext): Promise<Outcome> {
  const [first, ...next] = walk.slice(0, ctx.runs(RUNS) + 1);
  if (!first || next.length === 0) return failed('the curriculum needs two server lessons in a row to switch between');
  const details: Record<string, unknown> = { lessons: [first.id, ...next.map((lesson) => lesson.id)], action: 'click the lesson in the lesson list' };
  let opened: Awaited<ReturnType<typeof openServerLesson>>;
  try {
    opened = await openServerLesson(browser, appUrl, first);
  } catch (error) {
    return failed(`could not open ${first.id}: ${errorText(error)}`, details);
  }
  const { page, probe } = opened;
  const samples: number[] = [];
  let problem: string | undefined;
  try {
    for (const lesson of next) {
      const mark = (await probe.refresh()).length;
      await clickLessonLink(page, lesson.id);
      const clicked = await probe.waitFor(`the click on ${lesson.id}`, 5_000, (entries) => actionAfter(entries, mark, 'click', new RegExp(escapeRegExp(lesson.title))));
      const running = await probe.waitFor(`"Server running" for ${lesson.id}`, SWITCH_TIMEOUT_MS, (entries) => leftAndReturned(entries, clicked.t, 'server', SERVER_RUNNING));
      samples.push(running.t - clicked.t);
      ctx.log(`  → ${lesson.id}: server running ${(running.t - clicked.t).toFixed(0)} ms after the click`);
    }
  } catch (error) {
    problem = errorText(error);
  } finally {
    await page.context().close();
  }
  return fromRuns(samples, problem, details, 'could not time a lesson switch');
}
