/**
 * A `sql` lesson on the full `shop` dataset, solved, in one page:
 * - sqlRunMs: click Run → the result grid shows the query's rows;
 * - sqlCheckMs: click Check → the checks summary (both datasets run in the page's SQL worker).
 * The first Run of a page also loads sql.js and the dataset; it is reported apart (coldRunMs),
 * the metric is the learner's steady state.
 */
import type { Lesson } from '../../lessons/types.ts';
import type { BenchContext } from './context.ts';
import type { BenchBrowser } from './browser-session.ts';
import { lessonMarker } from './lesson-picks.ts';
import { lessonUrl } from './lesson-url.ts';
import { actionAfter, firstAfter, ProbeLog, type ProbeEntry } from './page-probe.ts';
import { errorText } from './error-text.ts';
import { fromRuns, type Outcome } from './results.ts';
import { applySolution, clickRun, timeCheck } from './ui-actions.ts';

const RUNS = 7;
const TIMEOUT_MS = 30_000;

/** After the click, the Run button went busy and came back with a result summary ("N rows · t ms") beside the grid. */
function resultShown(entries: readonly ProbeEntry[], after: number): ProbeEntry | undefined {
  const busy = firstAfter(entries, after, 'sqlRun', /^running/);
  return busy && firstAfter(entries, busy.t, 'sqlRun', /^idle \| .*\brows?\b.*\bms\b/);
}

export async function measureSqlLesson(browser: BenchBrowser, appUrl: string, lesson: Lesson, ctx: BenchContext): Promise<{ run: Outcome; check: Outcome }> {
  const query = lesson.solution[lesson.meta.focus]?.trim();
  const details: Record<string, unknown> = { lesson: lesson.id, dataset: lesson.meta.dataset, checks: lesson.checkList.length, state: 'solution applied with Solve', query };
  const page = await browser.freshPage();
  const runMs: number[] = [];
  const checkMs: number[] = [];
  let runProblem: string | undefined;
  let checkProblem: string | undefined;
  try {
    await page.addInitScript({ content: `window.__benchExpectText = ${JSON.stringify(lessonMarker(lesson))};` });
    const probe = new ProbeLog(page);
    await page.goto(lessonUrl(appUrl, lesson.id), { waitUntil: 'commit' });
    await probe.waitFor(`the text of ${lesson.id}`, TIMEOUT_MS, (entries) => entries.find((entry) => entry.name === 'text'));
    if (!(await applySolution(page))) throw new Error(`${lesson.id} has no Solve button`);

    try {
      // Run 0 is cold (worker, wasm, dataset); the metric is the runs after it.
      for (let run = 0; run <= ctx.runs(RUNS); run += 1) {
        const mark = (await probe.refresh()).length;
        await clickRun(page);
        const clicked = await probe.waitFor('the Run click', 5_000, (entries) => actionAfter(entries, mark, 'click', /^run \S/i));
        const shown = await probe.waitFor('the result grid', TIMEOUT_MS, (entries) => resultShown(entries, clicked.t));
        if (run === 0) details.coldRunMs = Math.round(shown.t - clicked.t);
        else runMs.push(shown.t - clicked.t);
        ctx.log(`  ${lesson.id}: Run → grid ${(shown.t - clicked.t).toFixed(0)} ms${run === 0 ? ' (cold)' : ''}`);
      }
    } catch (error) {
      runProblem = errorText(error);
    }

    try {
      for (let run = 0; run < ctx.runs(RUNS); run += 1) {
        const { ms, summary } = await timeCheck(page, probe, TIMEOUT_MS);
        checkMs.push(ms);
        details.lastSummary = summary;
        ctx.log(`  ${lesson.id}: Check → ${summary} ${ms.toFixed(0)} ms`);
      }
    } catch (error) {
      checkProblem = errorText(error);
    }
  } catch (error) {
    runProblem ??= errorText(error);
    checkProblem ??= errorText(error);
  } finally {
    await page.context().close();
  }
  return {
    run: fromRuns(runMs, runProblem, details, `could not time Run on ${lesson.id}`),
    check: fromRuns(checkMs, checkProblem, details, `could not time Check on ${lesson.id}`),
  };
}
