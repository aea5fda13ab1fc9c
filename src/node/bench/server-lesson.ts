/**
 * The `server` lesson loop on the local runner, timed in the page by the probe:
 * - serverReadyMs: open the lesson (fresh page) → the status pill says the server is running;
 * - restartReadyMs: Ctrl+S in the editor → the pill leaves "running" and comes back;
 * - checkRunMs: on the lesson with the most checks, solved, click Check → the checks summary
 *   ("N of M checks passed") replaces "Running…". Check on the small serverReadyMs lesson is
 *   timed too, for comparison: it tells the check machinery from what a lesson's checks do.
 */
import type { Page } from '@playwright/test';
import type { Lesson } from '../../lessons/types.ts';
import type { BenchContext } from './context.ts';
import type { BenchBrowser } from './browser-session.ts';
import { AgentCheckTap } from './agent-tap.ts';
import { lessonMarker, type CheckShape } from './lesson-picks.ts';
import { lessonUrl } from './lesson-url.ts';
import { actionAfter, firstAfter, leftAndReturned, ProbeLog } from './page-probe.ts';
import { errorText } from './error-text.ts';
import { failed, fromRuns, type Outcome } from './results.ts';
import { median } from './stats.ts';
import { applySolution, editAndSave, SERVER_RUNNING, timeCheck } from './ui-actions.ts';

const READY_RUNS = 5;
const RESTART_RUNS = 5;
const CHECK_RUNS = 5;
const COMPARISON_CHECK_RUNS = 3;
const SERVER_TIMEOUT_MS = 30_000;
const CHECK_TIMEOUT_MS = 60_000;

/** When, after navigation, the lesson text showed, the header named the runtime, and the server ran. */
export interface Milestones {
  textVisible?: number;
  runtimeChosen?: number;
  serverRunning: number;
}

/** Loads `url` (a server lesson) in `page` and waits for its server; milestones are ms after navigation start. */
export async function loadServerLesson(page: Page, url: string, lesson: Lesson, timeoutMs = SERVER_TIMEOUT_MS): Promise<{ probe: ProbeLog; milestones: Milestones }> {
  await page.addInitScript({ content: `window.__benchExpectText = ${JSON.stringify(lessonMarker(lesson))};` });
  const probe = new ProbeLog(page);
  await page.goto(url, { waitUntil: 'commit' });
  const running = await probe.waitFor(`"Server running" for ${lesson.id}`, timeoutMs, (entries) => firstAfter(entries, 0, 'server', SERVER_RUNNING));
  const milestones: Milestones = {
    textVisible: probe.entries.find((entry) => entry.name === 'text')?.t,
    runtimeChosen: firstAfter(probe.entries, 0, 'runtime', /^(?!starting a runtime)\S/i)?.t,
    serverRunning: running.t,
  };
  return { probe, milestones };
}

/** Opens a lesson on the local runner in a fresh page and waits for its server; returns the page (caller closes it). */
export async function openServerLesson(browser: BenchBrowser, appUrl: string, lesson: Lesson): Promise<{ page: Page; probe: ProbeLog; milestones: Milestones; tap: AgentCheckTap }> {
  const page = await browser.freshPage();
  const tap = new AgentCheckTap(page);
  try {
    return { page, tap, ...(await loadServerLesson(page, lessonUrl(appUrl, lesson.id), lesson)) };
  } catch (error) {
    await page.context().close();
    throw error;
  }
}

/** Median of each milestone over the runs that reached it, rounded to ms. */
export function medianMilestones(runs: Milestones[]): Record<string, number> {
  const keys = ['textVisible', 'runtimeChosen', 'serverRunning'] as const;
  const medians: Record<string, number> = {};
  for (const key of keys) {
    const values = runs.map((run) => run[key]).filter((value): value is number => value !== undefined);
    if (values.length) medians[key] = Math.round(median(values));
  }
  return medians;
}

export interface ServerLessonTimes {
  ready: Outcome;
  restart: Outcome;
  /** Check on this (small) lesson, as it stands, for comparison with checkRunMs. */
  checkHere: { lesson: string; checks: number; medianMs: number; agentCheckTimeMedianMs: number | null; summary: string } | string;
}

export async function measureServerReady(browser: BenchBrowser, appUrl: string, lesson: Lesson, ctx: BenchContext): Promise<ServerLessonTimes> {
  const readyMs: number[] = [];
  const milestones: Milestones[] = [];
  let readyProblem: string | undefined;
  let kept: Awaited<ReturnType<typeof openServerLesson>> | undefined;
  const readyRuns = ctx.runs(READY_RUNS);
  for (let run = 0; run < readyRuns; run += 1) {
    try {
      const opened = await openServerLesson(browser, appUrl, lesson);
      readyMs.push(opened.milestones.serverRunning);
      milestones.push(opened.milestones);
      ctx.log(`  ${lesson.id}: server running ${opened.milestones.serverRunning.toFixed(0)} ms after navigation`);
      if (run === readyRuns - 1) kept = opened;
      else await opened.page.context().close();
    } catch (error) {
      readyProblem = errorText(error);
      break;
    }
  }
  const ready = fromRuns(readyMs, readyProblem, { lesson: lesson.id, from: 'navigation start (fresh page, cold cache)', medianMilestonesMs: medianMilestones(milestones) }, 'the server never showed as running');
  if (!kept) return { ready, restart: failed('needs a running server lesson first (serverReadyMs failed)'), checkHere: 'not measured' };

  const restartMs: number[] = [];
  let restartProblem: string | undefined;
  let checkHere: ServerLessonTimes['checkHere'] = 'not measured';
  try {
    for (let run = 0; run < ctx.runs(RESTART_RUNS); run += 1) {
      const from = (await kept.probe.refresh()).length;
      await editAndSave(kept.page, `bench edit ${run + 1}`);
      const saved = await kept.probe.waitFor('the Ctrl+S key press', 5_000, (entries) => actionAfter(entries, from, 'key', /^Control\+s$/i));
      const back = await kept.probe.waitFor('the server running again after Ctrl+S', SERVER_TIMEOUT_MS, (entries) => leftAndReturned(entries, saved.t, 'server', SERVER_RUNNING));
      restartMs.push(back.t - saved.t);
      ctx.log(`  ${lesson.id}: restarted and running ${(back.t - saved.t).toFixed(0)} ms after Ctrl+S`);
    }
  } catch (error) {
    restartProblem = errorText(error);
  }
  try {
    const checks: { ms: number; summary: string }[] = [];
    const agentMs: number[] = [];
    for (let run = 0; run < ctx.runs(COMPARISON_CHECK_RUNS); run += 1) {
      kept.tap.reset();
      checks.push(await timeCheck(kept.page, kept.probe, CHECK_TIMEOUT_MS));
      if (kept.tap.durations.length > 0) agentMs.push(kept.tap.durations.reduce((sum, duration) => sum + duration, 0));
    }
    checkHere = {
      lesson: lesson.id,
      checks: lesson.checkList.length,
      medianMs: Math.round(median(checks.map((check) => check.ms))),
      agentCheckTimeMedianMs: agentMs.length ? Math.round(median(agentMs)) : null,
      summary: checks.at(-1)?.summary ?? '',
    };
  } catch (error) {
    checkHere = `Check on ${lesson.id} failed: ${errorText(error)}`;
  } finally {
    await kept.page.context().close();
  }
  const restart = fromRuns(restartMs, restartProblem, { lesson: lesson.id, action: 'type a comment line at the end of the focus file, Ctrl+S' }, 'could not time a restart');
  return { ready, restart, checkHere };
}

export async function measureCheckRun(browser: BenchBrowser, appUrl: string, lesson: Lesson, shape: CheckShape, ctx: BenchContext): Promise<Outcome> {
  const details: Record<string, unknown> = { lesson: lesson.id, checks: lesson.checkList.length, checkShape: shape, state: 'solution applied with Solve' };
  let opened: Awaited<ReturnType<typeof openServerLesson>>;
  try {
    opened = await openServerLesson(browser, appUrl, lesson);
  } catch (error) {
    return failed(`could not open ${lesson.id}: ${errorText(error)}`, details);
  }
  const { page, probe, tap } = opened;
  const samples: number[] = [];
  const agentMs: number[] = [];
  let problem: string | undefined;
  try {
    const from = (await probe.refresh()).at(-1)?.t ?? 0;
    if (!(await applySolution(page))) throw new Error(`${lesson.id} has no Solve button`);
    await probe.waitFor('the server running again after Solve', SERVER_TIMEOUT_MS, (entries) => leftAndReturned(entries, from, 'server', SERVER_RUNNING));
    for (let run = 0; run < ctx.runs(CHECK_RUNS); run += 1) {
      tap.reset();
      const { ms, summary } = await timeCheck(page, probe, CHECK_TIMEOUT_MS);
      samples.push(ms);
      if (tap.durations.length > 0) agentMs.push(tap.durations.reduce((sum, duration) => sum + duration, 0));
      details.lastSummary = summary;
      ctx.log(`  ${lesson.id}: ${summary} ${ms.toFixed(0)} ms after the click`);
    }
  } catch (error) {
    problem = errorText(error);
  } finally {
    await page.context().close();
  }
  // The agent's own time in the checks, summed; checkRunMs minus this is transport and rendering.
  if (agentMs.length > 0) details.agentCheckTimeMedianMs = Math.round(median(agentMs));
  return fromRuns(samples, problem, details, `could not time Check on ${lesson.id}`);
}
