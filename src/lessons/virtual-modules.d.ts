/** Modules generated at build time by Vite plugins in src/node. */
declare module 'virtual:lessons' {
  import type { Lesson, Track } from './types.ts';
  /** All tracks with their lesson entries, in order. Small: no lesson contents. */
  export const tracks: Track[];
  /** Loads one lesson's contents (its own chunk). Rejects with a clear message for an unknown id. */
  export function loadLesson(id: string): Promise<Lesson>;
}

declare module 'virtual:agent' {
  /**
   * Files every workspace needs besides the learner's: `.agent/agent.mjs`, its checks worker,
   * the server and MSW preloads, and the lesson template's `package.json`.
   */
  export const runtimeFiles: Record<string, string>;
}
