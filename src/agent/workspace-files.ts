/**
 * Everything a lesson's workspace needs, as one FileTree: the learner's files, the runtime
 * files (agent, MSW preload, the template's package.json), the agent's lesson config and the
 * compiled checks. It lives with the agent because it lays out the agent's `.agent/` tree
 * (see workspace-paths.ts); lessons are its input, not its owner.
 * Isomorphic: the page mounts it into a runtime, the CLI writes it to disk.
 * Datasets (`.agent/datasets/…`) are bytes fetched or generated separately by each caller.
 */
import type { Lesson } from '../lessons/types.ts';
import type { FileTree } from '../runtime/runtime.ts';
import type { AgentLessonConfig } from './protocol.ts';
import { CHECKS_MODULE, LESSON_CONFIG } from './workspace-paths.ts';

export interface WorkspaceOptions {
  /** How long the agent waits for the learner's server to listen (the agent's default: 5 s). */
  startTimeoutMs?: number;
}

function agentLessonConfig(lesson: Lesson, learnerFiles: string[], options: WorkspaceOptions = {}): AgentLessonConfig {
  return {
    id: lesson.id,
    kind: lesson.meta.kind,
    start: lesson.meta.start,
    ...(Object.keys(lesson.meta.env).length ? { env: lesson.meta.env } : {}),
    port: lesson.meta.port,
    upstream: lesson.upstream,
    files: learnerFiles,
    ...(lesson.meta.dataset ? { dataset: lesson.meta.dataset } : {}),
    ...(options.startTimeoutMs !== undefined ? { startTimeoutMs: options.startTimeoutMs } : {}),
  };
}

export function workspaceFiles(lesson: Lesson, learnerFiles: Record<string, string>, runtimeFiles: Record<string, string>, options: WorkspaceOptions = {}): FileTree {
  return {
    ...learnerFiles,
    ...runtimeFiles,
    [LESSON_CONFIG]: JSON.stringify(agentLessonConfig(lesson, Object.keys(learnerFiles), options), null, 2),
    [CHECKS_MODULE]: lesson.checksModule,
  };
}
