import { describe, expect, it } from 'vitest';
import { newFilePathProblem } from './new-file-path.ts';

describe('newFilePathProblem', () => {
  const files = { 'server.js': '' };

  it('accepts a plain relative path in a lesson that allows file changes', () => {
    expect(newFilePathProblem('routes/users.js', files, true)).toBeUndefined();
  });

  it('refuses every name when the lesson does not allow file changes', () => {
    expect(newFilePathProblem('routes/users.js', files, false)).toMatch(/does not let you/);
  });

  it('refuses names that leave the folder or use odd characters', () => {
    for (const path of ['../x.js', 'a/./b.js', '/abs.js', 'a b.js', 'a//b.js', '']) expect(newFilePathProblem(path, files, true)).toMatch(/Use letters/);
  });

  it('refuses the playground’s own files and existing names', () => {
    expect(newFilePathProblem('.agent/agent.mjs', files, true)).toMatch(/belongs to the playground/);
    expect(newFilePathProblem('package.json', files, true)).toMatch(/belongs to the playground/);
    expect(newFilePathProblem('node_modules/x/index.js', files, true)).toMatch(/belongs to the playground/);
    expect(newFilePathProblem('server.js', files, true)).toBe('"server.js" already exists.');
  });
});
