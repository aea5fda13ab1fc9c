import { describe, expect, it } from 'vitest';
import { crashHeadline } from './crash-headline.ts';

describe('crashHeadline', () => {
  it('says how the server ended and its newest error, with the first learner-file location', () => {
    const report = [
      'Your server exited with code 1.',
      'Its last output:',
      'file:///tmp/ws/server.js:2',
      'SyntaxError: Unexpected token )',
      'file:///tmp/ws/server.js:4',
      "throw new Error('boom');",
      'Error: boom',
      '    at file:///tmp/ws/server.js:4:7',
      '    at ModuleJob.run (node:internal/modules/esm/module_job:271:25)',
    ].join('\n');
    expect(crashHeadline(report, ['server.js'])).toEqual({
      text: 'Your server exited with code 1. Error: boom',
      location: { path: 'server.js', line: 4, column: 7, text: 'file:///tmp/ws/server.js:4:7' },
    });
  });

  it('finds a SyntaxError’s location above its error line', () => {
    const report = 'Your server exited with code 1.\nIts last output:\n/home/p/server.js:3\n  foo(;\n      ^\nSyntaxError: Unexpected token \';\'\n    at wrapSafe (node:internal/modules/cjs/loader:1:1)';
    expect(crashHeadline(report, ['server.js'])).toMatchObject({ text: "Your server exited with code 1. SyntaxError: Unexpected token ';'", location: { path: 'server.js', line: 3 } });
  });

  it('is the first line alone when no error line or learner location is in it', () => {
    expect(crashHeadline('Your server did not start listening within 5 s. It printed nothing.', ['server.js'])).toEqual({ text: 'Your server did not start listening within 5 s. It printed nothing.' });
  });
});
