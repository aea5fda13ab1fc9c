/**
 * Assessment records for every lesson as a signal (the table of contents shows scores, the
 * assessment bar shows the open one), saved to IndexedDB on every change.
 */
import { signal } from '@preact/signals';
import type { CheckResult } from '../../checks/result.ts';
import { indexedDbAssessments, type AssessmentStorage } from '../../progress/assessment-db.ts';
import type { CheckListEntry, LessonMode } from '../../lessons/types.ts';
import { errorText } from '../../shared/error-text.ts';
import { helpAllowed, recordAttempt, startAssessment, submitAssessment, type AssessmentRecord } from '../../progress/assessment.ts';

export class AssessmentStore {
  readonly records = signal<Record<string, AssessmentRecord>>({});
  /** Set when records cannot be read or saved (private mode, quota). */
  readonly problem = signal<string | undefined>(undefined);
  readonly #storage: AssessmentStorage;
  readonly #now: () => Date;
  #loading: Promise<void> | undefined;

  constructor(storage: AssessmentStorage, now: () => Date = () => new Date()) {
    this.#storage = storage;
    this.#now = now;
  }

  /** Reads every record once; later calls wait for the same read. */
  load(): Promise<void> {
    this.#loading ??= this.#storage.readAll().then(
      (all) => {
        this.records.value = { ...all, ...this.records.peek() };
      },
      (error: unknown) => {
        this.problem.value = `Assessment results could not be read: ${errorText(error)}`;
      },
    );
    return this.#loading;
  }

  /** The first open starts the clock; later opens change nothing. */
  async open(lessonId: string): Promise<void> {
    await this.load();
    if (!this.records.peek()[lessonId]) this.#save(startAssessment(lessonId, this.#now()));
  }

  /** One Check of an assessment lesson; `blueprint` (the lesson's check list) gives each check its skill and weight. */
  async recordAttempt(lessonId: string, results: CheckResult[], blueprint: readonly CheckListEntry[] = []): Promise<void> {
    await this.open(lessonId);
    const record = this.records.peek()[lessonId];
    if (record) this.#save(recordAttempt(record, results, this.#now(), blueprint));
  }

  async submit(lessonId: string): Promise<void> {
    await this.open(lessonId);
    const record = this.records.peek()[lessonId];
    if (record) this.#save(submitAssessment(record, this.#now()));
  }

  #save(record: AssessmentRecord): void {
    if (this.records.peek()[record.lessonId] === record) return;
    this.records.value = { ...this.records.peek(), [record.lessonId]: record };
    this.#storage.write(record).catch((error: unknown) => {
      this.problem.value = `Assessment results could not be saved in this browser: ${errorText(error)}`;
    });
  }
}

export const assessmentStore = new AssessmentStore(indexedDbAssessments);

/** Whether a lesson may show hints and Solve now (read in render: it follows the records). */
export function helpAllowedFor(lesson: { id: string; meta: { mode: LessonMode } }): boolean {
  return helpAllowed(lesson.meta.mode, assessmentStore.records.value[lesson.id]);
}
