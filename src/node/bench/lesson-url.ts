/**
 * App URLs for the bench. Most metrics use the local runner (`?runtime=local`), so they never
 * depend on StackBlitz being reachable; defaultServerReadyMs opens the URL a learner opens, with
 * no `?runtime=`, to time the automatic choice where StackBlitz cannot be reached.
 */
export function localRunnerUrl(appUrl: string, hashPath = ''): string {
  return new URL(`?runtime=local#/${hashPath}`, appUrl).href;
}

export function lessonUrl(appUrl: string, lessonId: string): string {
  return localRunnerUrl(appUrl, lessonId);
}

/** The lesson's URL with the runtime chosen automatically, as a learner opens it. */
export function defaultLessonUrl(appUrl: string, lessonId: string): string {
  return new URL(`#/${lessonId}`, appUrl).href;
}
