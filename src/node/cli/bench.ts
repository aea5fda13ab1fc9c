/**
 * `npm run bench`: measures what learners feel (issue #9). Builds the app if stale, serves it
 * on a free loopback port, drives it in headless Debian Chromium, runs the Node-side parts,
 * then writes bench/results.json and prints the Markdown table for the README.
 *
 * A metric whose feature is missing or whose measurement fails is `null` with a note; the
 * bench reports, it never fails on a slow number. Every wait is bounded, so it always ends.
 *
 *   npm run bench                       everything, writes bench/results.json
 *   npm run bench -- --only checkRunMs  some metrics (comma-separated keys), prints only
 *   npm run bench -- --quick            one run per metric: a smoke test of the harness, prints only
 *   npm run bench -- --verify-all       also time a full `lessons:verify` (verifyAllSeconds): minutes of
 *                                       both cores, so not by default (`--only verifyAllSeconds` runs it too)
 *   npm run bench -- --table            print the table of the saved bench/results.json
 *   npm run bench -- --readme           put that table into README.md between the bench-table markers
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, ensureBuild, serveApp, type RunningApp } from '../app-server.ts';
import { freePort } from '../../agent/free-port.ts';
import { benchContext } from '../bench/context.ts';
import { launchBenchBrowser, type BenchBrowser } from '../bench/browser-session.ts';
import { errorText } from '../bench/error-text.ts';
import { measureHeap } from '../bench/heap.ts';
import { measureInitialJs } from '../bench/initial-js.ts';
import { pickLessons, type BenchLessons } from '../bench/lesson-picks.ts';
import { measureDefaultServerReady } from '../bench/default-runtime-load.ts';
import { measureLessonSwitch, serverLessonsFrom } from '../bench/lesson-switch.ts';
import { describeMachine, loadAverage1m } from '../bench/machine.ts';
import { METRICS, type MetricKey } from '../bench/metrics.ts';
import { measurePageLoad } from '../bench/page-load.ts';
import { measureNodeStartFloor } from '../bench/node-start-floor.ts';
import { assembleResults, failed, withDetails, withFloor, type BenchResults, type Floor, type LoadSpan, type Outcome } from '../bench/results.ts';
import { measureCheckRun, measureServerReady, type ServerLessonTimes } from '../bench/server-lesson.ts';
import { measureSqlLesson } from '../bench/sql-lesson.ts';
import { measureSqlSpeed } from '../bench/sql-speed.ts';
import { README_MARKERS, renderMachine, renderNotes, renderTable, replaceBetweenMarkers } from '../bench/table.ts';
import { measureVerifyAll } from '../bench/verify-time.ts';
import { measureWebContainerDeps } from '../bench/webcontainer-deps.ts';

const LESSONS_DIR = join(REPO_ROOT, 'lessons');
const RESULTS_FILE = join(REPO_ROOT, 'bench', 'results.json');

/** `--only a,b` → those metric keys; exits with the list of keys on a typo. */
function parseOnly(value: string | undefined): Set<MetricKey> | undefined {
  if (value === undefined) return undefined;
  const keys = value.split(',').filter(Boolean);
  const known = new Set<string>(METRICS.map((metric) => metric.key));
  const unknown = keys.filter((key) => !known.has(key));
  if (keys.length === 0 || unknown.length > 0) {
    console.error(`--only takes metric keys separated by commas${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}. Keys: ${[...known].join(', ')}`);
    process.exit(2);
  }
  return new Set(keys as MetricKey[]);
}

const USAGE = 'Usage: npm run bench [-- --only <metric,…>] [--quick] [--verify-all] [--table] [--readme]';

function parseCommandLine() {
  try {
    return parseArgs({
      options: {
        only: { type: 'string' },
        quick: { type: 'boolean', default: false },
        'verify-all': { type: 'boolean', default: false },
        table: { type: 'boolean', default: false },
        readme: { type: 'boolean', default: false },
      },
      allowPositionals: false,
    }).values;
  } catch (error) {
    console.error(`${errorText(error)}\n${USAGE}`);
    process.exit(2);
  }
}

const args = parseCommandLine();
const report = (results: BenchResults) => `${renderMachine(results)}\n\n${renderTable(results)}\n\n${renderNotes(results)}\n`;

if (args.table || args.readme) {
  if (!existsSync(RESULTS_FILE)) {
    console.error(`${RESULTS_FILE} does not exist yet: run \`npm run bench\` first.`);
    process.exit(1);
  }
  const saved = report(JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as BenchResults);
  if (args.table) console.log(saved);
  if (args.readme) {
    const readme = join(REPO_ROOT, 'README.md');
    const updated = replaceBetweenMarkers(readFileSync(readme, 'utf8'), saved.trim());
    if (!updated) {
      console.error(`README.md has no ${README_MARKERS.start} … ${README_MARKERS.end} pair to put the table between.`);
      process.exit(1);
    }
    writeFileSync(readme, updated);
    console.log('README.md: the Benchmarks table now shows bench/results.json.');
  }
  process.exit(0);
}

const only = parseOnly(args.only);
const quick = args.quick;
const log = (line: string) => console.log(line);
const ctx = benchContext(log, quick);
const loadAtStart = loadAverage1m();
const wanted = (...keys: MetricKey[]) => !only || keys.some((key) => only.has(key));
const outcomes: Partial<Record<MetricKey, Outcome>> = {};
const loads: Partial<Record<MetricKey, LoadSpan>> = {};

/** Runs one measurement; a crash in it becomes a note on its metrics, never the end of the bench. */
async function measure(keys: MetricKey[], title: string, run: () => Promise<Partial<Record<MetricKey, Outcome>>>): Promise<void> {
  if (!wanted(...keys)) return;
  log(`\n▸ ${title}`);
  const started = Date.now();
  const loadAtMeasureStart = loadAverage1m();
  try {
    Object.assign(outcomes, await run());
  } catch (error) {
    for (const key of keys) outcomes[key] = failed(`the measurement crashed: ${errorText(error)}`);
  }
  const span = { atStart: loadAtMeasureStart, atEnd: loadAverage1m() };
  for (const key of keys) loads[key] = span;
  log(`  (${((Date.now() - started) / 1000).toFixed(1)} s, load average ${span.atStart} → ${span.atEnd})`);
}

let chromiumVersion: string | null = null;
const warnings: string[] = [];
let app: RunningApp | undefined;
let browser: BenchBrowser | undefined;

/** `undefined` when the app built (or was fresh); otherwise why it did not. */
async function buildApp(): Promise<string | undefined> {
  try {
    await ensureBuild(log);
    return undefined;
  } catch (error) {
    return errorText(error);
  }
}

const APP_KEYS: MetricKey[] = [
  'initialJsKbGzip',
  'initialJsKbGzipInBrowser',
  'lessonTextVisibleMs',
  'serverReadyMs',
  'defaultServerReadyMs',
  'lessonSwitchMs',
  'restartReadyMs',
  'checkRunMs',
  'sqlRunMs',
  'sqlCheckMs',
  'heapAfter10LessonsMb',
];
/** The metrics whose floor is a Node start loading express: each ends with one learner server started. */
const SERVER_START_KEYS: MetricKey[] = ['serverReadyMs', 'defaultServerReadyMs', 'lessonSwitchMs', 'restartReadyMs'];

/** Node start-up on this machine (bare, + express, + msw): the floor beside the server metrics, measured once per run. */
async function serverStartFloor(): Promise<{ floor: Floor | undefined; details: Record<string, unknown> }> {
  if (!wanted(...SERVER_START_KEYS)) return { floor: undefined, details: {} };
  try {
    const nodeStartFloorMs = await measureNodeStartFloor(REPO_ROOT);
    log(`\nNode start floor (ms, medians): ${JSON.stringify(nodeStartFloorMs)}`);
    const express = nodeStartFloorMs.express;
    return { floor: express === undefined ? undefined : { what: 'node + express', value: express }, details: { nodeStartFloorMs } };
  } catch (error) {
    return { floor: undefined, details: { nodeStartFloorMs: errorText(error) } };
  }
}

try {
  const buildError = wanted(...APP_KEYS) ? await buildApp() : undefined;
  if (buildError) {
    log(`The app does not build; its metrics are skipped: ${buildError}`);
    for (const key of APP_KEYS.filter((key) => wanted(key))) outcomes[key] = failed(`\`npm run build\` failed, so there is no app to measure: ${buildError}`);
  }
  if (!buildError) await measure(['initialJsKbGzip'], 'initial JavaScript (dist/index.html + static imports)', async () => {
    const initial = await measureInitialJs(join(REPO_ROOT, 'dist'));
    return { initialJsKbGzip: { ok: true, samples: [initial.totalGzipKb], note: 'Computed from the build, so every run gives the same number.', details: { files: initial.files } } };
  });

  await measure(['webcontainerDepsKbGzip', 'webcontainerDepsMountMs'], 'WebContainer dependency snapshot: size, gunzip + mount', async () => {
    const { size, mount } = await measureWebContainerDeps(ctx);
    return { webcontainerDepsKbGzip: size, webcontainerDepsMountMs: mount };
  });

  await measure(['sqlJsVsNativeRatio', 'sqlJsOverheadPct'], 'sql.js vs native sqlite3, and our overhead around sql.js', async () => {
    const speed = await measureSqlSpeed(LESSONS_DIR, ctx);
    return { sqlJsVsNativeRatio: speed.ratio, sqlJsOverheadPct: speed.overhead };
  });

  const browserKeys = APP_KEYS.filter((key) => key !== 'initialJsKbGzip');
  if (!buildError && wanted(...browserKeys)) {
    app = await serveApp(await freePort());
    browser = await launchBenchBrowser(app.signInUrl);
    chromiumVersion = browser?.version ?? null;
    log(`\nServing ${app.url}${browser ? ` to ${browser.version}` : ''}`);
    if (!browser) {
      for (const key of browserKeys) outcomes[key] = failed('no Chromium found (looked at $CHROME_PATH and /usr/bin/chromium): install it with `sudo apt-get install chromium`');
    } else {
      const chromium = browser;
      const url = app.url;
      const lessons: BenchLessons = await pickLessons(LESSONS_DIR);
      const missing = (what: string): Outcome => failed(`the curriculum has no ${what} yet`);
      let checkOnSmallLesson: ServerLessonTimes['checkHere'] = 'not measured';
      const start = await serverStartFloor();
      const besideFloor = (outcome: Outcome) => withFloor(withDetails(outcome, start.details), start.floor);

      await measure(['lessonTextVisibleMs', 'initialJsKbGzipInBrowser'], 'lesson page load', async () => {
        if (!lessons.first) return { lessonTextVisibleMs: missing('lesson'), initialJsKbGzipInBrowser: missing('lesson') };
        const load = await measurePageLoad(chromium, url, lessons.first, ctx);
        return { lessonTextVisibleMs: load.textVisible, initialJsKbGzipInBrowser: load.initialJsInBrowser };
      });
      await measure(['serverReadyMs', 'restartReadyMs'], 'server lesson: start and restart', async () => {
        if (!lessons.server) return { serverReadyMs: missing('server lesson'), restartReadyMs: missing('server lesson') };
        const { ready, restart, checkHere } = await measureServerReady(chromium, url, lessons.server, ctx);
        checkOnSmallLesson = checkHere;
        return { serverReadyMs: besideFloor(ready), restartReadyMs: besideFloor(restart) };
      });
      await measure(['defaultServerReadyMs'], 'server lesson, runtime chosen automatically, StackBlitz unreachable: later page loads', async () => {
        if (!lessons.server) return { defaultServerReadyMs: missing('server lesson') };
        return { defaultServerReadyMs: besideFloor(await measureDefaultServerReady(chromium, url, lessons.server, ctx)) };
      });
      await measure(['lessonSwitchMs'], 'switch to the next server lesson', async () => {
        if (!lessons.server) return { lessonSwitchMs: missing('server lesson') };
        return { lessonSwitchMs: besideFloor(await measureLessonSwitch(chromium, url, serverLessonsFrom(lessons.ordered, lessons.server), ctx)) };
      });
      await measure(['checkRunMs'], 'server lesson: Check', async () => {
        if (!lessons.mostChecks) return { checkRunMs: missing('server lesson') };
        const outcome = await measureCheckRun(chromium, url, lessons.mostChecks.lesson, lessons.mostChecks.shape, ctx);
        // The floor under a Check: the checks' own time in the agent; the rest is restart, transport and rendering.
        const agentMs = outcome.details?.agentCheckTimeMedianMs;
        const floor = typeof agentMs === 'number' ? { what: 'the checks’ own time in the agent', value: agentMs } : undefined;
        return { checkRunMs: withFloor(withDetails(outcome, { forComparison: checkOnSmallLesson }), floor) };
      });
      await measure(['sqlRunMs', 'sqlCheckMs'], 'sql lesson: Run and Check', async () => {
        if (!lessons.sql) return { sqlRunMs: missing('sql lesson on the shop dataset'), sqlCheckMs: missing('sql lesson on the shop dataset') };
        const { run, check } = await measureSqlLesson(chromium, url, lessons.sql, ctx);
        return { sqlRunMs: run, sqlCheckMs: check };
      });
      await measure(['heapAfter10LessonsMb'], 'heap after 10 lessons', async () => ({
        heapAfter10LessonsMb: await measureHeap(chromium, url, lessons.ordered, ctx),
      }));
      if (chromium.offLoopbackRequests.length > 0) {
        warnings.push(`the app tried to leave loopback (the requests were aborted): ${[...new Set(chromium.offLoopbackRequests)].join(', ')}`);
      }
    }
    await browser?.close();
    browser = undefined;
    await app.close();
    app = undefined;
  }

  // Last, with the app stopped: lessons:verify keeps both cores busy on its own, for minutes now
  // that every mutant and alternative runs too — so only when asked for.
  if (args['verify-all'] || only?.has('verifyAllSeconds')) {
    await measure(['verifyAllSeconds'], 'npm run lessons:verify (starters, solutions, mutants, alternatives)', async () => ({ verifyAllSeconds: await measureVerifyAll(REPO_ROOT, ctx) }));
  } else if (wanted('verifyAllSeconds')) {
    outcomes.verifyAllSeconds = failed('not run by default (a full `lessons:verify` with every mutant and alternative takes minutes of both cores): `npm run bench -- --verify-all` times it.');
    log('\n▸ verifyAllSeconds skipped: run `npm run bench -- --verify-all` to time a full lessons:verify.');
  }
} finally {
  await browser?.close();
  await app?.close();
}

const results = assembleResults(outcomes, describeMachine(chromiumVersion, loadAtStart), new Date(), warnings, loads);
log(`\n${report(results)}`);
if (only || quick) {
  // Not saved, so show the evidence here.
  log(`Details:\n${JSON.stringify(results.details, null, 2)}\n`);
  log(`(${quick ? '--quick' : '--only'}: ${RESULTS_FILE} left unchanged)`);
} else {
  mkdirSync(join(REPO_ROOT, 'bench'), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  log(`Wrote ${RESULTS_FILE}`);
}
process.exit(0);
