/** App URLs on the local runner: the bench never depends on StackBlitz being reachable. */
export function localRunnerUrl(appUrl: string, hashPath = ''): string {
  return new URL(`?runtime=local#/${hashPath}`, appUrl).href;
}

export function lessonUrl(appUrl: string, lessonId: string): string {
  return localRunnerUrl(appUrl, lessonId);
}
