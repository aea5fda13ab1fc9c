/**
 * Which lessons the bench opens, chosen from the curriculum on disk (the same loader the build
 * uses), so the bench follows the curriculum as it grows instead of naming lessons by hand.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadCurriculum } from '../../lessons/load-curriculum.ts';
import type { Lesson } from '../../lessons/types.ts';

export interface BenchLessons {
  /** Every loadable lesson, in curriculum order. */
  ordered: Lesson[];
  /** The lesson a newcomer opens first (`apis/first-route` when it exists). */
  first: Lesson | undefined;
  /** A plain `server` lesson: serverReadyMs and restartReadyMs. */
  server: Lesson | undefined;
  /**
   * The `server` lesson with the most checks (not an assessment: the bench applies Solve). On a
   * tie, the one with the least scripted waiting (hanging or delayed fake APIs), so the number
   * measures the check machinery, not a wait the lesson asks for on purpose.
   */
  mostChecks: { lesson: Lesson; shape: CheckShape } | undefined;
  /** A `sql` lesson on the `shop` dataset. */
  sql: Lesson | undefined;
}

const FIRST_LESSON_ID = 'apis/first-route';

export async function pickLessons(lessonsDir: string): Promise<BenchLessons> {
  const curriculum = await loadCurriculum(lessonsDir);
  const byId = new Map(curriculum.lessons.map((lesson) => [lesson.id, lesson]));
  const ordered = [...curriculum.tracks]
    .sort((a, b) => a.order - b.order)
    .flatMap((track) => track.lessons.map((entry) => byId.get(entry.id)))
    .filter((lesson) => lesson !== undefined);
  const servers = ordered.filter((lesson) => lesson.kind === 'server');
  const solvable = servers.filter((lesson) => lesson.mode === 'lesson');
  return {
    ordered,
    first: byId.get(FIRST_LESSON_ID) ?? ordered[0],
    server: byId.get(FIRST_LESSON_ID)?.kind === 'server' ? byId.get(FIRST_LESSON_ID) : servers[0],
    mostChecks: await pickMostChecks(solvable),
    sql: ordered.find((lesson) => lesson.kind === 'sql' && lesson.mode === 'lesson' && lesson.meta.dataset === 'shop'),
  };
}

async function pickMostChecks(lessons: Lesson[]): Promise<{ lesson: Lesson; shape: CheckShape } | undefined> {
  const shaped = await Promise.all(lessons.map(async (lesson) => ({ lesson, shape: await checkShape(lesson) })));
  return shaped.sort((a, b) => b.shape.checks - a.shape.checks || a.shape.hangingUpstreams - b.shape.hangingUpstreams || a.shape.scriptedDelayMs - b.shape.scriptedDelayMs)[0];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * A few words of the lesson's first paragraph exactly as the page's `textContent` shows them
 * (tags dropped, entities decoded, whitespace collapsed): proof the lesson text itself, not
 * just the navigation, is on screen.
 */
export function textSnippet(html: string, maxWords = 8): string | undefined {
  const paragraph = /<p\b[^>]*>([\s\S]*?)<\/p>/i.exec(html)?.[1];
  if (!paragraph) return undefined;
  const text = decodeEntities(paragraph.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();
  const words = text.split(' ').slice(0, maxWords);
  return words.length > 0 && words.join(' ').length >= 8 ? words.join(' ') : undefined;
}

/** What to wait for to know a lesson is on screen: its first words, or its title. */
export function lessonMarker(lesson: Lesson): string {
  return textSnippet(lesson.html) ?? lesson.title;
}

export interface CheckShape {
  checks: number;
  /** steps / file / sql / db / run → how many. */
  byKind: Record<string, number>;
  /** Checks that script third-party APIs for themselves (MSW scenarios). */
  withOwnUpstream: number;
  /** Scripted upstream delays (`delayMs`) summed over those scenarios, and `hang` answers: time a check must wait by design. */
  scriptedDelayMs: number;
  hangingUpstreams: number;
}

/** Every scripted response in an upstream script (a value may be one response or a sequence). */
function upstreamResponses(script: unknown): Record<string, unknown>[] {
  if (typeof script !== 'object' || script === null) return [];
  return Object.values(script).flatMap((value: unknown) => (Array.isArray(value) ? value : [value])).filter((value): value is Record<string, unknown> => typeof value === 'object' && value !== null);
}

const CHECK_KINDS = ['steps', 'file', 'sql', 'db', 'run'] as const;

/** What a lesson's checks are made of — evidence for why a Check takes the time it takes. */
export async function checkShape(lesson: Lesson): Promise<CheckShape> {
  const dir = join(tmpdir(), 'bench-checks');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${createHash('sha256').update(lesson.checksModule).digest('hex').slice(0, 16)}.mjs`);
  await writeFile(file, lesson.checksModule);
  const module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { default?: { checks?: Record<string, unknown>[] } };
  const checks = module.default?.checks ?? [];
  const byKind: Record<string, number> = {};
  for (const check of checks) {
    const kind = CHECK_KINDS.find((name) => check[name] !== undefined) ?? 'unknown';
    byKind[kind] = (byKind[kind] ?? 0) + 1;
  }
  const responses = checks.flatMap((check) => upstreamResponses(check.upstream));
  return {
    checks: checks.length,
    byKind,
    withOwnUpstream: checks.filter((check) => check.upstream !== undefined).length,
    scriptedDelayMs: responses.reduce((sum, response) => sum + (typeof response.delayMs === 'number' ? response.delayMs : 0), 0),
    hangingUpstreams: responses.filter((response) => response.hang === true).length,
  };
}
