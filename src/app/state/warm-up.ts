/**
 * Work started at boot, before the lesson's own chunk arrives, so a server lesson opened by URL
 * does not wait for a waterfall: the runtime is chosen (the local runner's socket opened, or
 * WebContainers booted) and the agent's chunks fetched while the lesson text loads. Only for a
 * `server` lesson: a `sql` lesson never needs a runtime, and home and track pages may never open one.
 */
import { loadLesson } from 'virtual:lessons';
import { findLessonEntry } from './catalog.ts';
import { parseRoute } from './route.ts';
import { sessionRuntime } from './runtime-session.ts';

export function warmUpForRoute(hash: string): void {
  const route = parseRoute(hash);
  if (route.view !== 'lesson') return;
  // The lesson's chunk first, so the text is not queued behind the agent's files (the workspace
  // asks for the same module a moment later and gets this load).
  void loadLesson(route.lessonId).catch(() => undefined);
  if (findLessonEntry(route.lessonId)?.kind !== 'server') return;
  void sessionRuntime();
  // Failures here are not reported: the lesson runner imports the same chunks and reports them.
  void import('virtual:agent').catch(() => undefined);
  void import('../../agent/workspace-files.ts').catch(() => undefined);
  void import('../../agent/client.ts').catch(() => undefined);
}
