/**
 * `checks.ts` → one self-contained ES module (the runtime and the SQL worker import it as
 * text), plus the list of its checks and its use of upstream fakes, read by importing that
 * module once in Node.
 * Node-only: used by the loader at build time and by the CLI.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildFailure, type Message } from 'esbuild';
import { errorText } from '../shared/error-text.ts';
import { KEBAB_CASE } from './schema.ts';
import { upstreamUse, type UpstreamUse } from '../checks/upstream-use.ts';
import type { LessonChecks } from '../checks/define.ts';
import type { CheckListEntry } from './types.ts';

export type CompiledChecks =
  | { ok: true; module: string; checkList: CheckListEntry[]; upstream: UpstreamUse }
  | { ok: false; message: string };

const CHECK_KINDS = ['steps', 'file', 'sql', 'db', 'run'] as const;

function isBuildFailure(error: unknown): error is BuildFailure {
  return error instanceof Error && Array.isArray((error as Partial<BuildFailure>).errors);
}

/** esbuild reports files relative to the working directory (the repo root), as our messages do. */
function formatEsbuildMessage(message: Message): string {
  const where = message.location ? `${message.location.file}:${message.location.line}:${message.location.column + 1}: ` : '';
  return `${where}${message.text}`;
}

async function bundle(file: string): Promise<{ ok: true; code: string } | { ok: false; message: string }> {
  try {
    const result = await build({
      entryPoints: [file],
      bundle: true,
      format: 'esm',
      // Neutral: the module runs in Node (agent, CLI) and in a browser worker (sql lessons).
      platform: 'neutral',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
      sourcemap: false,
    });
    const output = result.outputFiles[0];
    if (!output) return { ok: false, message: 'does not compile: esbuild produced no output' };
    return { ok: true, code: output.text };
  } catch (error) {
    if (isBuildFailure(error)) {
      return { ok: false, message: `does not compile: ${error.errors.map(formatEsbuildMessage).join('; ')}` };
    }
    throw error;
  }
}

/** Imports module text in Node. Named by content hash, so unchanged checks are not re-imported on every reload. */
async function importModule(code: string): Promise<Record<string, unknown>> {
  const dir = join(tmpdir(), 'playground-checks');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  await writeFile(file, code);
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<string, unknown>;
}

/** Checks the default export's shape; returns a problem sentence or the check list. */
function readCheckList(exported: unknown): CheckListEntry[] | string {
  if (typeof exported !== 'object' || exported === null || !Array.isArray((exported as { checks?: unknown }).checks)) {
    return 'must `export default defineChecks({ checks: [...] })`';
  }
  const checks = (exported as { checks: unknown[] }).checks;
  if (checks.length === 0) return 'has no checks: add at least one to `checks: [...]`';
  const seen = new Set<string>();
  const list: CheckListEntry[] = [];
  for (const [index, check] of checks.entries()) {
    const c = (check ?? {}) as Record<string, unknown>;
    const label = typeof c.id === 'string' ? `check \`${c.id}\`` : `checks[${index}]`;
    if (typeof c.id !== 'string' || !KEBAB_CASE.test(c.id)) return `${label} needs an \`id\` in kebab-case (e.g. "get-health")`;
    if (seen.has(c.id)) return `check id \`${c.id}\` is used twice; ids must be unique in a lesson`;
    seen.add(c.id);
    if (typeof c.title !== 'string' || c.title.trim() === '') return `${label} needs a \`title\` (what the learner must make true)`;
    const kinds = CHECK_KINDS.filter((kind) => c[kind] !== undefined);
    if (kinds.length !== 1) {
      return `${label} must have exactly one of ${CHECK_KINDS.join(', ')} (has ${kinds.length ? kinds.join(', ') : 'none'})`;
    }
    if (c.skill !== undefined && (typeof c.skill !== 'string' || !/^[a-z0-9-]+\/[a-z0-9-]+$/.test(c.skill))) {
      return `${label} has \`skill\` ${JSON.stringify(c.skill)}: it must be the id of the lesson whose skill the check grades, e.g. "apis/validation"`;
    }
    if (c.weight !== undefined && (typeof c.weight !== 'number' || !(c.weight > 0))) return `${label} has \`weight\` ${JSON.stringify(c.weight)}: it must be a positive number`;
    list.push({ id: c.id, title: c.title, ...(typeof c.skill === 'string' ? { skill: c.skill } : {}), ...(typeof c.weight === 'number' ? { weight: c.weight } : {}) });
  }
  return list;
}

/** Problems come back as sentences about the file (`does not compile: …`, `throws when loaded: …`). */
export async function compileChecks(file: string): Promise<CompiledChecks> {
  const bundled = await bundle(file);
  if (!bundled.ok) return bundled;
  let exports: Record<string, unknown>;
  try {
    exports = await importModule(bundled.code);
  } catch (error) {
    return { ok: false, message: `throws when loaded: ${errorText(error)}` };
  }
  const checkList = readCheckList(exports.default);
  if (typeof checkList === 'string') return { ok: false, message: checkList };
  // readCheckList has checked the shape: a `checks` array of well-formed checks.
  return { ok: true, module: bundled.code, checkList, upstream: upstreamUse(exports.default as LessonChecks) };
}
