/**
 * Creates a new lesson folder that loads cleanly and passes `lessons:verify` as generated —
 * starter, solution, checks, one example mutant (a broken rule the checks must catch) and one
 * example alternative (a correct answer written differently) — for a `server` lesson (the
 * starter lacks one route) or a `sql` lesson (the starter lacks the filter). The author then
 * replaces the TODOs with the real lesson. Used by `npm run lessons:new`.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const NUMBERED = /^(\d+)-(.+)$/;
const DEFINE_CHECKS = fileURLToPath(new URL('../checks/define.ts', import.meta.url));

export type ScaffoldKind = 'server' | 'sql';

export interface ScaffoldResult {
  /** Absolute path of the new lesson folder. */
  lessonDir: string;
  /** Whether the track folder (with its track.md) was created too. */
  createdTrack: boolean;
  files: string[];
}

/** Thrown for bad names and taken slugs: the message is meant for the terminal as is. */
export class ScaffoldError extends Error {}

interface Numbered {
  name: string;
  number: number;
  slug: string;
}

async function numbered(dir: string): Promise<Numbered[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.flatMap((entry) => {
    const match = entry.isDirectory() ? NUMBERED.exec(entry.name) : null;
    return match ? [{ name: entry.name, number: Number(match[1]), slug: match[2] ?? '' }] : [];
  });
}

function nextFolder(existing: Numbered[], slug: string): string {
  const next = Math.max(0, ...existing.map((f) => f.number)) + 1;
  return `${String(next).padStart(2, '0')}-${slug}`;
}

function titleCase(slug: string): string {
  return slug
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

function trackMd(track: string): string {
  return `---
title: ${titleCase(track)}
summary: "TODO: one sentence on what this track teaches."
prerequisites: []
---

TODO: a short introduction to the track and the order of its lessons.
`;
}

function serverLessonMd(slug: string): string {
  const title = titleCase(slug);
  return `---
# yaml-language-server: $schema=../../lesson.schema.json
# Every field is explained in lessons/README.md.
title: ${title}
summary: "TODO: one sentence on what the learner builds."
kind: server
focus: server.js
minutes: 10
hints:
  - "TODO: a first nudge, e.g. a route is app.METHOD(path, handler)."
  - "TODO: a stronger hint, close to the answer."
requests:
  - name: Health
    method: GET
    path: /health
---

# ${title}

**Goal:** TODO — the one thing the learner must make true, in one sentence. (The scaffold's
goal: \`GET /health\` answers **200** with the JSON body \`{ "status": "ok" }\`.)

## Why

TODO: why a back-end developer needs this, with a short example.

## Your task

TODO: every rule the checks grade, stated plainly — each one has a mutant in \`mutants/\`.

## Try it

1. Your server restarts when you save; send \`GET /health\` from the HTTP panel.
2. Change \`server.js\` until it answers as the goal says — then press **Check**.

> **In production:** TODO — where a real deployment differs from the playground (or delete this box).
`;
}

const STARTER_SERVER = `import express from 'express';

const app = express();
app.use(express.json());

// TODO: answer GET /health with status 200 and the JSON body { "status": "ok" }.

// The playground picks a free port: always listen on process.env.PORT.
const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(\`Server listening on http://localhost:\${port}\`);
});
`;

const SOLUTION_SERVER = STARTER_SERVER.replace(
  /\/\/ TODO: answer GET \/health.*\n/,
  "app.get('/health', (req, res) => {\n  res.json({ status: 'ok' });\n});\n",
);

const SERVER_MUTANT = {
  'mutants/wrong-body/mutant.json': `${JSON.stringify({ mustFail: ['health-ok'], why: 'answers 200 with the wrong body' }, null, 2)}\n`,
  'mutants/wrong-body/server.js': SOLUTION_SERVER.replace("res.json({ status: 'ok' })", "res.json({ status: 'up' })"),
};

const SERVER_ALTERNATIVE = {
  'alternatives/router/server.js': SOLUTION_SERVER.replace(
    "app.get('/health', (req, res) => {\n  res.json({ status: 'ok' });\n});\n",
    "const router = express.Router();\nrouter.get('/health', async (req, res) => {\n  res.status(200).json({ status: 'ok' });\n});\napp.use(router);\n",
  ),
};

function sqlLessonMd(slug: string): string {
  const title = titleCase(slug);
  return `---
# yaml-language-server: $schema=../../lesson.schema.json
# Every field is explained in lessons/README.md.
title: ${title}
summary: "TODO: one sentence on the question the learner's query answers."
kind: sql
dataset: shop
focus: query.sql
minutes: 10
hints:
  - "TODO: a first nudge, e.g. WHERE keeps the rows for which its condition is true."
  - "TODO: a stronger hint, close to the answer."
---

# ${title}

**Goal:** TODO — the question, in one sentence. (The scaffold's goal: the names and prices of
the products that cost less than 5.00, cheapest first, equal prices by name.)

## Why

TODO: why a back-end developer needs this.

## Your task

TODO: every rule the checks grade (columns, filter, order, ties) — each one has a mutant.

## Try it

Press **Ctrl/Cmd+Enter** in the editor to run your query, then **Check**.
`;
}

const SQL_REFERENCE = 'SELECT name, price_cents FROM products WHERE price_cents < 500 ORDER BY price_cents, name';

const SQL_FILES = {
  'starter/query.sql': '-- TODO: only the products cheaper than 5.00 (500 cents), cheapest first, equal prices by name.\nSELECT name, price_cents FROM products;\n',
  'solution/query.sql': '-- Products cheaper than 5.00, cheapest first, equal prices by name.\nSELECT name, price_cents\nFROM products\nWHERE price_cents < 500\nORDER BY price_cents, name;\n',
  'mutants/no-tie-break/mutant.json': `${JSON.stringify({ mustFail: ['matches-reference'], why: 'orders by price only, so equal prices come in any order' }, null, 2)}\n`,
  'mutants/no-tie-break/query.sql': 'SELECT name, price_cents\nFROM products\nWHERE price_cents < 500\nORDER BY price_cents;\n',
  'alternatives/subquery/query.sql': 'SELECT p.name AS name, p.price_cents AS price_cents\nFROM (SELECT * FROM products WHERE price_cents < 500) AS p\nORDER BY 2, 1;\n',
};

function sqlChecksTs(defineImport: string): string {
  return `import { defineChecks } from '${defineImport}';

// TODO: one check per rule the lesson states; the reference runs on a visible and a hidden dataset.
export default defineChecks({
  checks: [
    {
      id: 'matches-reference',
      title: 'The query returns the cheap products, cheapest first, ties by name',
      hint: 'WHERE price_cents < 500, then ORDER BY price_cents, name.',
      sql: { file: 'query.sql', reference: ${JSON.stringify(SQL_REFERENCE)} },
    },
  ],
});
`;
}

function checksTs(defineImport: string): string {
  return `import { defineChecks } from '${defineImport}';

// TODO: replace this check with the lesson's own; keep at least one that the starter fails.
export default defineChecks({
  checks: [
    {
      id: 'health-ok',
      title: 'GET /health answers 200 with { "status": "ok" }',
      hint: "res.json({ status: 'ok' }) sends the body with status 200.",
      steps: [
        {
          request: { method: 'GET', path: '/health' },
          expect: { status: 200, json: [{ path: 'status', equals: 'ok' }] },
          message: "Add a route: app.get('/health', (req, res) => res.json({ status: 'ok' })). A 404 means Express found no route for GET /health.",
        },
      ],
    },
  ],
});
`;
}

export async function scaffoldLesson(lessonsDir: string, track: string, slug: string, kind: ScaffoldKind = 'server'): Promise<ScaffoldResult> {
  for (const [what, name] of [['track', track], ['lesson slug', slug]] as const) {
    // `03-thing` would become folder `NN-03-thing`, slug `03-thing`: almost surely a mistake.
    if (!NAME.test(name) || NUMBERED.test(name)) {
      throw new ScaffoldError(`Bad ${what} "${name}": use lower-case words joined by dashes, without the NN- prefix (e.g. first-route).`);
    }
  }
  const tracks = await numbered(lessonsDir);
  const existingTrack = tracks.find((t) => t.slug === track);
  const trackDir = join(lessonsDir, existingTrack?.name ?? nextFolder(tracks, track));
  const lessons = await numbered(trackDir);
  const taken = lessons.find((l) => l.slug === slug);
  if (taken) throw new ScaffoldError(`Lesson ${track}/${slug} already exists: ${join(trackDir, taken.name)}. Pick another slug.`);

  const lessonDir = join(trackDir, nextFolder(lessons, slug));
  const defineImport = relative(lessonDir, DEFINE_CHECKS).split(sep).join('/');
  const importPath = defineImport.startsWith('.') ? defineImport : `./${defineImport}`;
  const files: Record<string, string> =
    kind === 'sql'
      ? { 'lesson.md': sqlLessonMd(slug), ...SQL_FILES, 'checks.ts': sqlChecksTs(importPath) }
      : {
          'lesson.md': serverLessonMd(slug),
          'starter/server.js': STARTER_SERVER,
          'solution/server.js': SOLUTION_SERVER,
          ...SERVER_MUTANT,
          ...SERVER_ALTERNATIVE,
          'checks.ts': checksTs(importPath),
        };
  if (!existingTrack) files['../track.md'] = trackMd(track);

  const written: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    const path = join(lessonDir, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content, { flag: 'wx' });
    written.push(path);
  }
  return { lessonDir, createdTrack: !existingTrack, files: written };
}
