/**
 * What `npm run bench` measures, in the order of the README table, with the budget each
 * metric should stay within (a median at or below it). The budgets come from issues #9 and
 * #20: they are what a learner feels, not what this machine happens to do. Where a metric has
 * a floor (what the same work costs with nothing of ours around it, measured on the same
 * machine in the same run), a budget may also cap the metric's ratio to that floor.
 */

export type MetricKey =
  | 'initialJsKbGzip'
  | 'initialJsKbGzipInBrowser'
  | 'lessonTextVisibleMs'
  | 'serverReadyMs'
  | 'defaultServerReadyMs'
  | 'lessonSwitchMs'
  | 'restartReadyMs'
  | 'checkRunMs'
  | 'sqlRunMs'
  | 'sqlCheckMs'
  | 'sqlJsVsNativeRatio'
  | 'sqlJsOverheadPct'
  | 'verifyAllSeconds'
  | 'heapAfter10LessonsMb'
  | 'webcontainerDepsKbGzip'
  | 'webcontainerDepsMountMs';

export type Unit = 'KB' | 'ms' | 's' | 'MB' | '×' | '%';

export interface MetricDefinition {
  key: MetricKey;
  unit: Unit;
  /** Upper bound for the median; absent for numbers we report but do not budget. */
  budget?: number;
  /** Upper bound for the median ÷ the metric's floor, when the budget also caps that. */
  maxFloorRatio?: number;
  /** One line for the README: what the number is. */
  what: string;
}

export const METRICS: readonly MetricDefinition[] = [
  { key: 'initialJsKbGzip', unit: 'KB', budget: 150, what: 'JS for the first lesson view, gzip: dist/index.html entry + static imports' },
  { key: 'initialJsKbGzipInBrowser', unit: 'KB', budget: 150, what: 'the same, as Chromium downloads it before the lesson text is visible' },
  { key: 'lessonTextVisibleMs', unit: 'ms', budget: 1000, what: 'navigation to a lesson → its text visible (fresh page, cold cache)' },
  { key: 'serverReadyMs', unit: 'ms', budget: 800, maxFloorRatio: 2.5, what: 'local runner: open a server lesson → the learner’s server is running' },
  {
    key: 'defaultServerReadyMs',
    unit: 'ms',
    budget: 1500,
    what: 'no `?runtime=`, StackBlitz unreachable, second and later page loads: open a server lesson → its server is running',
  },
  { key: 'lessonSwitchMs', unit: 'ms', budget: 500, what: 'click the next server lesson in the lesson list → its server is running' },
  { key: 'restartReadyMs', unit: 'ms', budget: 300, what: 'Ctrl+S in the editor → the restarted server is running' },
  { key: 'checkRunMs', unit: 'ms', budget: 500, what: 'Check on the server lesson with the most checks → last result shown' },
  { key: 'sqlRunMs', unit: 'ms', budget: 50, what: 'sql lesson on the full shop dataset: Run → result grid' },
  { key: 'sqlCheckMs', unit: 'ms', budget: 150, what: 'sql lesson: Check → results (visible and hidden datasets)' },
  { key: 'sqlJsVsNativeRatio', unit: '×', what: '5 queries, sql.js (Node) time ÷ native sqlite3 time: the floor of our SQL speed' },
  { key: 'sqlJsOverheadPct', unit: '%', budget: 20, what: 'our work around sql.js (result comparison + transfer) as % of query time' },
  { key: 'verifyAllSeconds', unit: 's', budget: 120, what: '`npm run lessons:verify` over the whole curriculum (starters, solutions, mutants, alternatives), wall time' },
  { key: 'heapAfter10LessonsMb', unit: 'MB', budget: 150, what: 'page JS heap after GC, after opening 10 lessons and running their checks' },
  { key: 'webcontainerDepsKbGzip', unit: 'KB', budget: 4096, what: 'the lesson template’s node_modules snapshot WebContainers download from our origin, gzip' },
  { key: 'webcontainerDepsMountMs', unit: 'ms', what: 'gunzip + mount of that snapshot, under the faithful WebContainer fake (not a real container)' },
];
