/**
 * `npm run lessons:new -- <track> <slug>`: scaffolds lessons/<NN-track>/<NN-slug>/ (and the
 * track, if it is new) with a lesson that loads and verifies as generated; then the author
 * fills in its TODOs.
 */
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScaffoldError, scaffoldLesson } from '../scaffold-lesson.ts';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const USAGE = 'Usage: npm run lessons:new -- <track> <slug>   e.g. npm run lessons:new -- apis status-codes';

const [track, slug, ...rest] = process.argv.slice(2);
if (track === undefined || slug === undefined || rest.length > 0) {
  console.error(USAGE);
  process.exit(1);
}

try {
  const result = await scaffoldLesson(join(REPO_ROOT, 'lessons'), track, slug);
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
