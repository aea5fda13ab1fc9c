/**
 * The rules a lesson folder must follow that the frontmatter schema alone cannot express:
 * folder names, cross-field rules, files that must exist, and mutants that name real checks.
 * Each rule returns problems phrased for the author; the loader attaches the file.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath } from './display-path.ts';
import type { NumberedFolder } from './numbered-folders.ts';
import { KEBAB_CASE, type FieldProblem } from './schema.ts';
import type { LessonError, LessonMeta } from './types.ts';

export function problemToError(file: string, problem: FieldProblem): LessonError {
  return problem.field
    ? { file, field: problem.field, message: `field \`${problem.field}\` ${problem.message}` }
    : { file, message: problem.message };
}

export function slugProblem(folder: NumberedFolder): LessonError | undefined {
  if (KEBAB_CASE.test(folder.slug)) return undefined;
  return { file: displayPath(folder.path), message: `folder name \`${folder.name}\` must be NN-slug with a lower-case kebab-case slug (e.g. 02-first-route)` };
}

/** Mutant and alternative folder names appear in reports, so they follow the slug rule too. */
export function variantNameProblem(path: string, name: string): LessonError | undefined {
  if (KEBAB_CASE.test(name)) return undefined;
  return { file: displayPath(path), message: `folder name \`${name}\` must be lower-case kebab-case (e.g. no-status-check)` };
}

/** Cross-field and on-disk rules of `lesson.md`. */
export function metaProblems(meta: LessonMeta, starter: Record<string, string>, lessonsDir: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!Object.hasOwn(starter, meta.focus)) {
    problems.push({ field: 'focus', message: `names \`${meta.focus}\`, which is not in starter/ (files there: ${Object.keys(starter).join(', ') || 'none'})` });
  }
  if (meta.kind === 'sql') {
    const generator = join(lessonsDir, '_datasets', `${meta.dataset ?? ''}.ts`);
    if (meta.dataset === undefined) {
      problems.push({ field: 'dataset', message: 'is required for sql lessons: name a generator in lessons/_datasets/ (e.g. `dataset: shop`)' });
    } else if (!existsSync(generator)) {
      problems.push({ field: 'dataset', message: `names \`${meta.dataset}\`, but ${displayPath(generator)} does not exist` });
    }
  }
  if (meta.kind === 'server' && meta.start.command === 'node') {
    const script = meta.start.args.find((arg) => !arg.startsWith('-'));
    if (script !== undefined && !Object.hasOwn(starter, script)) {
      problems.push({ field: 'start', message: `runs \`${script}\`, which is not in starter/` });
    }
  }
  return problems;
}

/** A mutant's `mustFail` must name checks that exist, or verify could never see it caught. */
export function mustFailProblems(mustFail: string[], checkIds: string[]): FieldProblem[] {
  return mustFail
    .filter((id) => !checkIds.includes(id))
    .map((id) => ({ field: 'mustFail', message: `names \`${id}\`, which is not a check id in checks.ts (ids: ${checkIds.join(', ')})` }));
}

/** An overlay that adds or changes nothing would be the solution itself: a mutant that can never be caught. */
export function unchangedOverlayProblem(overlay: Record<string, string>, solution: Record<string, string>): string | undefined {
  const changed = Object.entries(overlay).some(([path, text]) => solution[path] !== text);
  return changed ? undefined : 'changes nothing: it must hold at least one file that differs from the solution';
}
