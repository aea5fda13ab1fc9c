import { describe, expect, it } from 'vitest';
import type { Lesson } from '../lessons/types.ts';
import { workspaceFiles } from './workspace-files.ts';

const lesson = {
  id: 'databases/joins',
  checksModule: 'export default { checks: [] };',
  meta: { kind: 'sql', start: { command: 'node', args: ['server.js'] }, env: {}, port: 3000, dataset: 'shop' },
} as unknown as Lesson;

describe('workspaceFiles', () => {
  it('puts learner files, runtime files, the agent config and the compiled checks in one tree', () => {
    const tree = workspaceFiles(lesson, { 'query.sql': 'SELECT 1;' }, { '.agent/agent.mjs': '// agent', 'package.json': '{}' });
    expect(Object.keys(tree).sort()).toEqual(['.agent/agent.mjs', '.agent/checks.mjs', '.agent/lesson.json', 'package.json', 'query.sql']);
    expect(tree['.agent/checks.mjs']).toBe(lesson.checksModule);
    expect(JSON.parse(tree['.agent/lesson.json'] as string)).toEqual({ id: 'databases/joins', kind: 'sql', start: { command: 'node', args: ['server.js'] }, port: 3000, files: ['query.sql'], dataset: 'shop' });
  });

  it('lets runtime files win over a learner file of the same name, and passes a start timeout on', () => {
    const tree = workspaceFiles(lesson, { 'package.json': 'learner' }, { 'package.json': 'template' }, { startTimeoutMs: 9000 });
    expect(tree['package.json']).toBe('template');
    expect(JSON.parse(tree['.agent/lesson.json'] as string)).toMatchObject({ startTimeoutMs: 9000 });
  });

  it("passes the lesson's environment for its server on, and leaves it out when there is none", () => {
    const withEnv = { ...lesson, meta: { ...lesson.meta, kind: 'server', env: { SCRYPT_LOG_N: '12' } } } as Lesson;
    expect(JSON.parse(workspaceFiles(withEnv, {}, {})['.agent/lesson.json'] as string)).toMatchObject({ env: { SCRYPT_LOG_N: '12' } });
    expect(JSON.parse(workspaceFiles(lesson, {}, {})['.agent/lesson.json'] as string)).not.toHaveProperty('env');
  });
});
