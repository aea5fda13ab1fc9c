/**
 * Type-checks lessons' `checks.ts` against the check API (src/checks/define.ts), all in one
 * TypeScript program so the cost is paid once per build, not once per lesson. esbuild only
 * strips types, so without this a misspelt option (`expect: { stauts: 200 }`) compiles, runs,
 * and shows up as a baffling verify failure blamed on the solution. Node-only.
 */
import { dirname, resolve } from 'node:path';
import ts from 'typescript';
import { displayPath } from './display-path.ts';
import type { LessonError } from './types.ts';

/** The repo's own strictness, minus what only matters to the app (JSX, DOM). */
const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  types: [],
  strict: true,
  noUncheckedIndexedAccess: true,
  allowImportingTsExtensions: true,
  verbatimModuleSyntax: true,
  skipLibCheck: true,
  noEmit: true,
};

/**
 * Every type error in the given `checks.ts` files and what they import, keyed by the absolute
 * path of the `checks.ts` it concerns; an error in a shared helper is reported on every lesson
 * that imports it. Messages are `file:line:col`-located, repo-relative.
 */
export function typecheckChecks(files: string[]): Map<string, LessonError[]> {
  const byLesson = new Map<string, LessonError[]>();
  if (files.length === 0) return byLesson;
  const program = ts.createProgram(files.map((file) => resolve(file)), OPTIONS);
  const diagnostics = [...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics(), ...program.getGlobalDiagnostics()];
  const roots = new Set(files.map((file) => resolve(file)));
  for (const diagnostic of diagnostics) {
    const error = toLessonError(diagnostic);
    const source = diagnostic.file ? resolve(diagnostic.file.fileName) : undefined;
    const concerned = source && roots.has(source) ? [source] : [...roots].filter((root) => source === undefined || imports(program, root, source));
    for (const root of concerned) byLesson.set(root, [...(byLesson.get(root) ?? []), error]);
  }
  return byLesson;
}

function toLessonError(diagnostic: ts.Diagnostic): LessonError {
  const message = `type error: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  if (!diagnostic.file || diagnostic.start === undefined) return { file: 'checks.ts', message };
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return { file: displayPath(diagnostic.file.fileName), line: line + 1, column: character + 1, message };
}

/** Whether `root` reaches `target` through relative imports. */
function imports(program: ts.Program, root: string, target: string, seen = new Set<string>()): boolean {
  if (seen.has(root)) return false;
  seen.add(root);
  const file = program.getSourceFile(root);
  if (!file) return false;
  return file.statements.some((statement) => {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) return false;
    const specifier = statement.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) return false;
    const next = resolve(dirname(root), specifier.text);
    return next === target || imports(program, next, target, seen);
  });
}
