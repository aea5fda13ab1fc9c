/**
 * A lesson's author-only solutions: `mutants/<name>/` (the solution with one rule broken, and
 * the checks that must catch it, from `mutant.json`) and `alternatives/<name>/` (correct
 * solutions written differently; `alternative.json` is optional). Each folder is an overlay
 * on the complete solution, read by the same reader as starter/ and solution/.
 * `lessons:verify` runs them; the Vite plugin never ships them to the browser.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { errorText } from '../shared/error-text.ts';
import { displayPath } from './display-path.ts';
import { mustFailProblems, problemToError, unchangedOverlayProblem, variantNameProblem } from './lesson-rules.ts';
import { readOverlay } from './read-overlay.ts';
import { alternativeFileSchema, mutantFileSchema, parseWith } from './schema.ts';
import type { LessonAlternative, LessonError, LessonMutant } from './types.ts';

export interface LessonVariants {
  mutants: LessonMutant[];
  alternatives: LessonAlternative[];
  errors: LessonError[];
}

/** The JSON file that describes a variant folder; `missing` set means it is required. */
interface Manifest<S extends z.ZodType> {
  name: string;
  schema: S;
  missing?: string;
}

const MUTANT_MANIFEST = {
  name: 'mutant.json',
  schema: mutantFileSchema,
  missing: 'is missing: a mutant folder needs a mutant.json like { "mustFail": ["check-id"], "why": "the rule it breaks" }',
};
const ALTERNATIVE_MANIFEST = { name: 'alternative.json', schema: alternativeFileSchema };

interface Variant<T> {
  name: string;
  /** The manifest's content; undefined when it is optional and absent, or broken. */
  about: T | undefined;
  /** Solution overlaid with the variant's files. */
  files: Record<string, string>;
  errors: LessonError[];
}

/** `checkIds` is undefined when checks.ts did not compile (its own error says so). */
export async function readVariants(lessonDir: string, solution: Record<string, string>, checkIds: string[] | undefined): Promise<LessonVariants> {
  const [mutants, alternatives] = await Promise.all([
    readVariantFolders(join(lessonDir, 'mutants'), MUTANT_MANIFEST, solution),
    readVariantFolders(join(lessonDir, 'alternatives'), ALTERNATIVE_MANIFEST, solution),
  ]);
  const errors = [...mutants, ...alternatives].flatMap((variant) => variant.errors);
  for (const { name, about } of mutants) {
    const file = displayPath(join(lessonDir, 'mutants', name, MUTANT_MANIFEST.name));
    if (about && checkIds) errors.push(...mustFailProblems(about.mustFail, checkIds).map((problem) => problemToError(file, problem)));
  }
  return {
    mutants: mutants.flatMap(({ name, about, files }) => (about ? [{ name, mustFail: about.mustFail, why: about.why, files }] : [])),
    alternatives: alternatives.map(({ name, about, files }) => ({ name, ...(about?.why !== undefined ? { why: about.why } : {}), files })),
    errors,
  };
}

async function readVariantFolders<S extends z.ZodType>(dir: string, manifest: Manifest<S>, solution: Record<string, string>): Promise<Variant<z.output<S>>[]> {
  const names = existsSync(dir) ? (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort() : [];
  return Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      const [overlay, about] = await Promise.all([readOverlay(path, { missing: 'is missing', manifest: manifest.name }), readManifest(join(path, manifest.name), manifest)]);
      const unchanged = unchangedOverlayProblem(overlay.files, solution);
      const errors = [variantNameProblem(path, name), ...overlay.errors, ...about.errors, unchanged ? { file: displayPath(path), message: unchanged } : undefined];
      return { name, about: about.value, files: { ...solution, ...overlay.files }, errors: errors.filter((error) => error !== undefined) };
    }),
  );
}

async function readManifest<S extends z.ZodType>(file: string, manifest: Manifest<S>): Promise<{ value?: z.output<S>; errors: LessonError[] }> {
  const shown = displayPath(file);
  if (!existsSync(file)) return { errors: manifest.missing ? [{ file: shown, message: manifest.missing }] : [] };
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    return { errors: [{ file: shown, message: `is not valid JSON: ${errorText(error)}` }] };
  }
  const parsed = parseWith(manifest.schema, data);
  return parsed.ok ? { value: parsed.value, errors: [] } : { errors: parsed.problems.map((problem) => problemToError(shown, problem)) };
}
