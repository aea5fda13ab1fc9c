/**
 * Self-assessments (`mode: assessment` lessons): every Check is an attempt; the score is the
 * weighted share of checks passed at submission (the lesson's blueprint gives each check a
 * weight, default 1, and the skill — a lesson id — it grades), shown beside the first
 * attempt's; the time taken runs from the first open to the submission. Hints and Solve stay
 * hidden until the learner submits.
 * Pure functions over a plain record, so the rules are unit-tested and the record can be
 * stored and exported as JSON.
 */
import type { CheckResult, CheckStatus } from '../checks/result.ts';
import type { CheckListEntry, LessonMode } from '../lessons/types.ts';

export interface AssessmentAttempt {
  /** ISO time of the Check. */
  at: string;
  passed: number;
  total: number;
  results: AttemptResult[];
}

export interface AttemptResult {
  id: string;
  title: string;
  status: CheckStatus;
  message: string;
  /** From the blueprint: the lesson id whose skill the check grades. */
  skill?: string;
  /** From the blueprint: what the check counts towards the score; absent means 1. */
  weight?: number;
}

export interface AssessmentRecord {
  lessonId: string;
  /** ISO time the learner first opened the assessment. */
  startedAt: string;
  attempts: AssessmentAttempt[];
  /** ISO time of submission; after it, attempts no longer count. */
  submittedAt?: string;
}

export interface AttemptScore {
  /** Checks passed, and checks run (counts, not weights). */
  passed: number;
  total: number;
  /** 0–100, rounded: the weights of the checks passed over the weights of all checks. */
  percent: number;
}

export interface AssessmentScore extends AttemptScore {
  /** The first Check's score, to set beside the final one; absent before any Check. */
  first?: AttemptScore;
  attempts: number;
  /** From first open to submission (or to `now` while not submitted). */
  timeTakenMs: number;
  submitted: boolean;
}

export function startAssessment(lessonId: string, now: Date): AssessmentRecord {
  return { lessonId, startedAt: now.toISOString(), attempts: [] };
}

/** One Check, each result stamped with its blueprint entry's skill and weight. Ignored once submitted: the score is final. */
export function recordAttempt(record: AssessmentRecord, results: CheckResult[], now: Date, blueprint: readonly CheckListEntry[] = []): AssessmentRecord {
  if (record.submittedAt) return record;
  const attempt: AssessmentAttempt = {
    at: now.toISOString(),
    passed: results.filter((result) => result.status === 'pass').length,
    total: results.length,
    results: results.map(({ id, title, status, message }) => {
      const entry = blueprint.find((check) => check.id === id);
      return { id, title, status, message, ...(entry?.skill ? { skill: entry.skill } : {}), ...(entry?.weight !== undefined ? { weight: entry.weight } : {}) };
    }),
  };
  return { ...record, attempts: [...record.attempts, attempt] };
}

/** Ends the assessment; the last attempt (the Check that submission runs) is the score. */
export function submitAssessment(record: AssessmentRecord, now: Date): AssessmentRecord {
  return record.submittedAt ? record : { ...record, submittedAt: now.toISOString() };
}

/** One attempt's score: counts, and the weighted percent (a check without a weight weighs 1). */
function scoreAttempt(attempt: AssessmentAttempt): AttemptScore {
  // A stored or imported record may hold anything: only a finite, non-negative number is a weight.
  const weight = (result: AttemptResult) => (typeof result.weight === 'number' && Number.isFinite(result.weight) && result.weight >= 0 ? result.weight : 1);
  const totalWeight = attempt.results.reduce((sum, result) => sum + weight(result), 0);
  const passedWeight = attempt.results.filter((result) => result.status === 'pass').reduce((sum, result) => sum + weight(result), 0);
  return { passed: attempt.passed, total: attempt.total, percent: totalWeight === 0 ? 0 : Math.round((passedWeight / totalWeight) * 100) };
}

/**
 * @param checkCount how many checks the lesson has, so an assessment never checked scores 0 of them
 */
export function scoreAssessment(record: AssessmentRecord, checkCount: number, now: Date): AssessmentScore {
  const first = record.attempts[0];
  const last = record.attempts.at(-1);
  const end = record.submittedAt ? Date.parse(record.submittedAt) : now.getTime();
  return {
    ...(last ? scoreAttempt(last) : { passed: 0, total: checkCount, percent: 0 }),
    ...(first ? { first: scoreAttempt(first) } : {}),
    attempts: record.attempts.length,
    timeTakenMs: Math.max(0, end - Date.parse(record.startedAt)),
    submitted: record.submittedAt !== undefined,
  };
}

/** Whether hints and Solve may be shown: always in lessons, only after submission in assessments. */
export function helpAllowed(mode: LessonMode, record: AssessmentRecord | undefined): boolean {
  return mode !== 'assessment' || record?.submittedAt !== undefined;
}

/** "1 h 05 min", "12 min 30 s", "45 s". */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${m} min ${String(s).padStart(2, '0')} s`;
  return `${s} s`;
}

/** Keeps only well-formed records: the database or an imported file may hold anything. */
export function isAssessmentRecord(value: unknown): value is AssessmentRecord {
  const record = value as Partial<AssessmentRecord> | null;
  return (
    typeof record?.lessonId === 'string' &&
    typeof record.startedAt === 'string' &&
    !Number.isNaN(Date.parse(record.startedAt)) &&
    Array.isArray(record.attempts) &&
    record.attempts.every((attempt) => typeof attempt?.passed === 'number' && typeof attempt.total === 'number' && Array.isArray(attempt.results)) &&
    (record.submittedAt === undefined || typeof record.submittedAt === 'string')
  );
}
