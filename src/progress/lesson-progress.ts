/**
 * What the playground remembers about one lesson for one learner: their files, where they
 * were in the editor, and how it went. One record per lesson id, in IndexedDB and in export files.
 */
export interface CursorPosition {
  lineNumber: number;
  column: number;
}

export interface LessonProgress {
  /** The learner's files (path → text), exactly as last edited. */
  files: Record<string, string>;
  openFile?: string;
  cursor?: CursorPosition;
  /** True once every check passed at least once. Stays true after later edits. */
  completed: boolean;
  /** How many times the learner pressed Check. */
  attempts: number;
  /** ISO time of the last change, so an instructor can see when work was done. */
  updatedAt: string;
}
