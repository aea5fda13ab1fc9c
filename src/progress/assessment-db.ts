/** Assessment records in IndexedDB, one per lesson id, in their own database. */
import { createStore, entries, set } from 'idb-keyval';
import { isAssessmentRecord, type AssessmentRecord } from './assessment.ts';

let store: ReturnType<typeof createStore> | undefined;
const records = () => (store ??= createStore('backend-playground-assessments', 'records'));

export interface AssessmentStorage {
  readAll(): Promise<Record<string, AssessmentRecord>>;
  write(record: AssessmentRecord): Promise<void>;
}

export const indexedDbAssessments: AssessmentStorage = {
  async readAll() {
    const all = await entries<string, unknown>(records());
    return Object.fromEntries(all.filter((entry): entry is [string, AssessmentRecord] => isAssessmentRecord(entry[1])));
  },
  write: (record) => set(record.lessonId, record, records()),
};
