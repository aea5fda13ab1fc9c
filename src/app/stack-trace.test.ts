import { describe, expect, it } from 'vitest';
import { findStackFrames, latestErrorText, linkStackTrace, toWorkspacePath, uniqueFrames } from './stack-trace.ts';

const files = ['server.js', 'db.js', 'routes/users.js', 'query.sql'];

describe('findStackFrames', () => {
  it('finds learner frames in a Node stack trace and drops node_modules, node internals and the agent', () => {
    const trace = [
      "TypeError: Cannot read properties of undefined (reading 'name')",
      '    at createUser (file:///tmp/playground-ab12/routes/users.js:10:3)',
      '    at /tmp/playground-ab12/db.js:3:9',
      '    at file:///tmp/playground-ab12/server.js:12:5',
      '    at Layer.handle (/tmp/playground-ab12/node_modules/express/lib/router/layer.js:95:5)',
      '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      '    at Object.request (file:///tmp/playground-ab12/.agent/agent.mjs:300:7)',
    ].join('\n');
    expect(findStackFrames(trace, files)).toEqual([
      { text: 'file:///tmp/playground-ab12/routes/users.js:10:3', path: 'routes/users.js', line: 10, column: 3 },
      { text: '/tmp/playground-ab12/db.js:3:9', path: 'db.js', line: 3, column: 9 },
      { text: 'file:///tmp/playground-ab12/server.js:12:5', path: 'server.js', line: 12, column: 5 },
    ]);
  });

  it('reads the location line Node prints above a syntax error (no column)', () => {
    expect(findStackFrames('file:///home/lesson/server.js:5\n  app.get(\n  ^\nSyntaxError: Unexpected token', files)).toEqual([
      { text: 'file:///home/lesson/server.js:5', path: 'server.js', line: 5 },
    ]);
  });

  it('links a relative location only when it is exactly a learner file', () => {
    expect(findStackFrames('query.sql:2:8: near "FORM": syntax error; listening on localhost:3000', files)).toEqual([
      { text: 'query.sql:2:8', path: 'query.sql', line: 2, column: 8 },
    ]);
    expect(findStackFrames('see other/server.js:3:1', files)).toEqual([]);
  });

  it('decodes file URLs and Windows paths', () => {
    expect(findStackFrames('at file:///C:/Users/a%20b/ws/db.js:7:2', files)).toMatchObject([{ path: 'db.js', line: 7, column: 2 }]);
    expect(findStackFrames('at C:\\Users\\ab\\ws\\routes\\users.js:4:11', files)).toMatchObject([{ path: 'routes/users.js', line: 4, column: 11 }]);
  });
});

describe('linkStackTrace', () => {
  it('keeps every character of the text, in order, around the links', () => {
    const text = 'Error: boom\n    at handler (/w/server.js:12:5)\n    at node:internal/x:1:1';
    const segments = linkStackTrace(text, files);
    expect(segments).toEqual(['Error: boom\n    at handler (', { text: '/w/server.js:12:5', path: 'server.js', line: 12, column: 5 }, ')\n    at node:internal/x:1:1']);
    expect(segments.map((s) => (typeof s === 'string' ? s : s.text)).join('')).toBe(text);
  });

  it('returns the text unchanged when there is nothing to link', () => {
    expect(linkStackTrace('Server listening on port 3000', files)).toEqual(['Server listening on port 3000']);
    expect(linkStackTrace('', files)).toEqual([]);
  });
});

describe('toWorkspacePath', () => {
  it('prefers the longest learner path a location ends with', () => {
    expect(toWorkspacePath('/ws/routes/users.js', ['users.js', 'routes/users.js'])).toBe('routes/users.js');
    expect(toWorkspacePath('/ws/lib/users.js', ['users.js', 'routes/users.js'])).toBe('users.js');
    expect(toWorkspacePath('/ws/myserver.js', ['server.js'])).toBeUndefined();
  });
});

describe('latestErrorText', () => {
  it('starts at the last line naming an error, without colour codes', () => {
    const output = [
      'Error: first crash',
      '    at /w/db.js:1:1',
      'Server listening on 3000',
      '\x1b[31mTypeError: second crash\x1b[0m',
      '    at /w/server.js:12:5',
    ].join('\n');
    expect(latestErrorText(output)).toBe('TypeError: second crash\n    at /w/server.js:12:5');
    expect(findStackFrames(latestErrorText(output), files).map((f) => f.path)).toEqual(['server.js']);
  });

  it('keeps all the text when no line names an error', () => {
    expect(latestErrorText('at /w/server.js:1:1')).toBe('at /w/server.js:1:1');
  });
});

describe('uniqueFrames', () => {
  it('keeps the first occurrence of each location', () => {
    const frames = findStackFrames('at /w/db.js:3:9\nat /w/server.js:1:1\nat /w/db.js:3:9', files);
    expect(uniqueFrames(frames).map((f) => `${f.path}:${f.line}`)).toEqual(['db.js:3', 'server.js:1']);
  });
});
