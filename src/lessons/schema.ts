/**
 * The one source of truth for `lesson.md` and `track.md` frontmatter. Defaults live here;
 * `lessons/lesson.schema.json` is generated from these schemas (`npm run lessons:schema`)
 * so editors can autocomplete frontmatter.
 */
import { z } from 'zod';

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

export const exampleRequestSchema = z.strictObject({
  name: z.string().optional().describe('Label shown in the HTTP client.'),
  method: z.enum(HTTP_METHODS),
  path: z.string().startsWith('/', 'must start with "/"').describe('Path with query string, e.g. /users?limit=2'),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.string().optional().describe('Request body, sent as is.'),
});

/** `"node server.js --flag"` → `{ command: 'node', args: ['server.js', '--flag'] }`. */
function splitCommand(line: string): { command: string; args: string[] } {
  const [command = '', ...args] = line.trim().split(/\s+/);
  return { command, args };
}

export const lessonFrontmatterSchema = z
  .strictObject({
    title: z.string().min(1).describe('Lesson title, shown in navigation and as the heading.'),
    summary: z.string().min(1).describe('One sentence: what the learner builds.'),
    kind: z.enum(['server', 'sql']).describe('server: the learner edits a Node server. sql: the learner writes queries in .sql files.'),
    mode: z.enum(['lesson', 'assessment']).default('lesson').describe('assessment: scored, hints held back until submitted.'),
    focus: z.string().min(1).describe('The file the editor opens first; must exist in starter/.'),
    minutes: z.number().int().positive().default(10).describe('Estimated minutes to finish.'),
    hints: z.array(z.string().min(1)).default([]).describe('Revealed one at a time, in order.'),
    start: z
      .string()
      .regex(/\S/, 'must not be empty')
      .default('node server.js')
      .transform(splitCommand)
      .describe('server lessons: the command that starts the learner’s server, split on spaces.'),
    env: z
      .record(z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name like SCRYPT_LOG_N'), z.string())
      .default({})
      .describe('server lessons: environment variables the playground starts the learner’s server with (a check’s own `env` is added on top). Say in the lesson why, and what production uses instead.'),
    port: z.number().int().min(1).max(65535).default(3000).describe('server lessons: fallback port; the server must listen on process.env.PORT first.'),
    dataset: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a dataset name like `shop` (lessons/_datasets/<name>.ts)')
      .optional()
      .describe('sql lessons: name of lessons/_datasets/<name>.ts.'),
    allowFileChanges: z.boolean().default(false).describe('Whether the learner may create, rename and delete files.'),
    requests: z.array(exampleRequestSchema).default([]).describe('Example requests pre-filled in the HTTP client.'),
  })
  .describe('Frontmatter of a lesson.md');

export const trackFrontmatterSchema = z
  .strictObject({
    title: z.string().min(1),
    summary: z.string().min(1),
    order: z.number().int().optional().describe('Position among tracks; defaults to the folder’s NN- prefix.'),
    prerequisites: z.array(z.string()).default([]).describe('Track ids (folder names without NN-) to finish first.'),
  })
  .describe('Frontmatter of a track.md');

/** Lower-case kebab-case: check ids, lesson and track slugs, mutant and alternative names. */
export const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** `mutants/<name>/mutant.json`: what a mutant must fail, and why. */
export const mutantFileSchema = z
  .strictObject({
    mustFail: z
      .array(z.string().regex(KEBAB_CASE, 'must be a check id in kebab-case (e.g. "get-health")'))
      .min(1)
      .describe('Ids of the checks this mutant must fail (from checks.ts).'),
    why: z.string().min(1).describe('The one rule this mutant breaks, in one sentence a reviewer can read.'),
  })
  .describe('mutant.json of a lesson mutant');

/** `alternatives/<name>/alternative.json` (optional): why this correct solution is worth keeping. */
export const alternativeFileSchema = z
  .strictObject({
    why: z.string().min(1).optional().describe('How this correct solution differs from solution/.'),
  })
  .describe('alternative.json of a lesson alternative');

/** One problem with a frontmatter value, phrased for the author. */
export interface FieldProblem {
  /** Dotted path: `requests[0].method`; undefined for the frontmatter as a whole. */
  field?: string;
  message: string;
}

function fieldName(path: readonly PropertyKey[]): string | undefined {
  if (path.length === 0) return undefined;
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`))
    .join('');
}

function shown(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const got = 'input' in issue && issue.input !== undefined ? ` (got ${shown(issue.input)})` : '';
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${article(issue.expected)}${got}`;
    case 'invalid_value':
      if (issue.input === undefined) return `is required: one of ${issue.values.map(String).join(', ')}`;
      return `must be one of ${issue.values.map(String).join(', ')}${got}`;
    case 'too_small':
      if (issue.origin === 'array') return `must list at least ${String(issue.minimum)} item${Number(issue.minimum) === 1 ? '' : 's'}${got}`;
      return issue.origin === 'string' && Number(issue.minimum) === 1
        ? 'must not be empty'
        : `must be ${issue.inclusive === false ? 'greater than' : 'at least'} ${String(issue.minimum)}${got}`;
    case 'too_big':
      return `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}${got}`;
    default:
      return `${issue.message}${got}`;
  }
}

function article(type: string): string {
  if (type === 'array') return 'a list';
  if (type === 'object') return 'a mapping (key: value)';
  if (type === 'int') return 'a whole number';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/**
 * Validates frontmatter data. Problems name the field; unknown fields (usually typos) are
 * problems too, so `focs: server.js` does not silently fall back to a default.
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  data: unknown,
): { ok: true; value: z.output<S> } | { ok: false; problems: FieldProblem[] } {
  const result = schema.safeParse(data ?? {}, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  const problems: FieldProblem[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({ field: fieldName([...issue.path, key]), message: 'is not a known field (check its spelling; see lessons/README.md)' });
      }
    } else {
      problems.push({ field: fieldName(issue.path), message: describeIssue(issue) });
    }
  }
  return { ok: false, problems };
}
