/**
 * `npm run lessons:new -- <track> <slug> [--kind server|sql]`: scaffolds
 * lessons/<NN-track>/<NN-slug>/ (and the track, if it is new) with a lesson that loads and
 * verifies as generated, an example mutant and an example alternative; then the author fills
 * in its TODOs.
 */
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { errorText } from '../../shared/error-text.ts';
import { ScaffoldError, scaffoldLesson, type ScaffoldKind } from '../scaffold-lesson.ts';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const USAGE = `Usage: npm run lessons:new -- <track> <slug> [--kind server|sql]
  e.g. npm run lessons:new -- apis status-codes
       npm run lessons:new -- databases group-by --kind sql
Scaffolds a lesson that verifies as generated (starter, solution, checks.ts, one example
mutant and one example alternative); lessons/README.md explains every file.`;

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({ options: { kind: { type: 'string', default: 'server' }, help: { type: 'boolean', short: 'h', default: false } }, allowPositionals: true });
}
try {
  parsed = parse();
} catch (error) {
  console.error(`${errorText(error)}\n\n${USAGE}`);
  process.exit(1);
}
if (parsed.values.help) {
  console.log(USAGE);
  process.exit(0);
}
const [track, slug, ...rest] = parsed.positionals;
const kind = parsed.values.kind;
if (track === undefined || slug === undefined || rest.length > 0 || (kind !== 'server' && kind !== 'sql')) {
  console.error(USAGE);
  process.exit(1);
}

try {
  const result = await scaffoldLesson(join(REPO_ROOT, 'lessons'), track, slug, kind as ScaffoldKind);
  const show = (path: string) => relative(REPO_ROOT, path);
  if (result.createdTrack) console.log(`Created track ${show(join(result.lessonDir, '..'))} (fill in its track.md).`);
  console.log(`Created lesson ${track}/${slug}:`);
  for (const file of result.files) console.log(`  ${show(file)}`);
  console.log(`\nNext: replace the TODOs (see lessons/README.md), then run npm run lessons:verify -- --filter ${track}/${slug}`);
} catch (error) {
  if (!(error instanceof ScaffoldError)) throw error;
  console.error(error.message);
  process.exit(1);
}
