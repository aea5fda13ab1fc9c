/**
 * First view of a lesson in a fresh page (cold cache): how long until its text is visible
 * (lessonTextVisibleMs), and how much JavaScript the browser asked for before that moment
 * (initialJsKbGzipInBrowser, gzip sizes of what the server sent).
 */
import { gzipSync } from 'node:zlib';
import type { Lesson } from '../../lessons/types.ts';
import type { BenchContext } from './context.ts';
import type { BenchBrowser } from './browser-session.ts';
import { lessonUrl } from './lesson-url.ts';
import { lessonMarker } from './lesson-picks.ts';
import { ProbeLog } from './page-probe.ts';
import { errorText } from './error-text.ts';
import { fromRuns, type Outcome } from './results.ts';

const RUNS = 7;
const TEXT_TIMEOUT_MS = 20_000;

interface ResourceStart {
  url: string;
  startTime: number;
}

const gzipCache = new Map<string, number>();

async function gzipBytes(url: string): Promise<number> {
  const cached = gzipCache.get(url);
  if (cached !== undefined) return cached;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  const size = gzipSync(Buffer.from(await response.arrayBuffer())).length;
  gzipCache.set(url, size);
  return size;
}

function isJavaScript(url: string): boolean {
  return /\.[cm]?js$/.test(new URL(url).pathname);
}

export interface PageLoad {
  textVisible: Outcome;
  initialJsInBrowser: Outcome;
}

export async function measurePageLoad(browser: BenchBrowser, appUrl: string, lesson: Lesson, ctx: BenchContext): Promise<PageLoad> {
  const marker = lessonMarker(lesson);
  const visibleMs: number[] = [];
  const jsKb: number[] = [];
  let files: { url: string; gzipBytes: number }[] = [];
  let problem: string | undefined;
  try {
    for (let run = 0; run < ctx.runs(RUNS); run += 1) {
      const page = await browser.freshPage();
      try {
        await page.addInitScript({ content: `window.__benchExpectText = ${JSON.stringify(marker)};` });
        const probe = new ProbeLog(page);
        await page.goto(lessonUrl(appUrl, lesson.id), { waitUntil: 'commit' });
        const visibleAt = await probe.waitFor(`the text of ${lesson.id} ("${marker}")`, TEXT_TIMEOUT_MS, (entries) => entries.find((entry) => entry.name === 'text')?.t);
        await page.waitForLoadState('load', { timeout: TEXT_TIMEOUT_MS });
        const resources = await page.evaluate(() =>
          performance.getEntriesByType('resource').map((entry): ResourceStart => ({ url: entry.name, startTime: entry.startTime })),
        );
        const beforeText = resources.filter((resource) => resource.startTime <= visibleAt && isJavaScript(resource.url));
        files = await Promise.all(beforeText.map(async ({ url }) => ({ url: new URL(url).pathname, gzipBytes: await gzipBytes(url) })));
        visibleMs.push(visibleAt);
        jsKb.push(files.reduce((sum, file) => sum + file.gzipBytes, 0) / 1024);
        ctx.log(`  ${lesson.id}: text visible after ${visibleAt.toFixed(0)} ms, ${files.length} JS files before it`);
      } finally {
        await page.context().close();
      }
    }
  } catch (error) {
    problem = errorText(error);
  }
  const what = `could not see the text of ${lesson.id}`;
  return {
    textVisible: fromRuns(visibleMs, problem, { lesson: lesson.id, waitedFor: marker, freshContextEachRun: true }, what),
    initialJsInBrowser: fromRuns(jsKb, problem, { lesson: lesson.id, files: files.sort((a, b) => b.gzipBytes - a.gzipBytes) }, what),
  };
}
