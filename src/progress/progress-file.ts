/**
 * The export file: every lesson's progress and files in one JSON document, so a learner can
 * move machines and an instructor can collect work. Importing validates it strictly (zod)
 * and refuses anything it does not recognise, with a message that says what is wrong.
 */
import { z } from 'zod';
import type { LessonProgress } from './lesson-progress.ts';

const PROGRESS_FILE_FORMAT = 'backend-playground-progress';
const PROGRESS_FILE_VERSION = 1;

const cursorSchema = z.object({ lineNumber: z.number().int().min(1), column: z.number().int().min(1) });

const lessonProgressSchema = z.object({
  files: z.record(z.string(), z.string()),
  openFile: z.string().optional(),
  cursor: cursorSchema.optional(),
  completed: z.boolean(),
  attempts: z.number().int().min(0),
  updatedAt: z.string(),
});

const progressFileSchema = z.object({
  format: z.literal(PROGRESS_FILE_FORMAT),
  version: z.literal(PROGRESS_FILE_VERSION),
  exportedAt: z.string(),
  lessons: z.record(z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'lesson ids look like "apis/first-route"'), lessonProgressSchema),
});

export type ProgressFile = z.infer<typeof progressFileSchema>;

export function buildProgressFile(lessons: Record<string, LessonProgress>, now = new Date()): ProgressFile {
  return { format: PROGRESS_FILE_FORMAT, version: PROGRESS_FILE_VERSION, exportedAt: now.toISOString(), lessons };
}

export function progressFileName(now = new Date()): string {
  return `backend-playground-progress-${now.toISOString().slice(0, 10)}.json`;
}

export type ParsedProgressFile = { ok: true; file: ProgressFile } | { ok: false; message: string };

/** Parses an import. Never throws: a bad file gets a message naming the problem. */
export function parseProgressFile(text: string): ParsedProgressFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not JSON. Choose a file made with "Export progress".' };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== PROGRESS_FILE_FORMAT) {
    return { ok: false, message: 'This is not a Backend Playground progress file. Choose a file made with "Export progress".' };
  }
  const version = (data as { version?: unknown }).version;
  if (version !== PROGRESS_FILE_VERSION) {
    return { ok: false, message: `This progress file has version ${JSON.stringify(version)}; this playground reads version ${PROGRESS_FILE_VERSION}.` };
  }
  const parsed = progressFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') || '(top level)' : '(unknown)';
    return { ok: false, message: `This progress file is damaged at "${where}": ${issue?.message ?? 'invalid'}. Nothing was imported.` };
  }
  return { ok: true, file: parsed.data };
}
