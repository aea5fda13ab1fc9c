import { describe, expect, it } from 'vitest';
import { foldLibraryFrames, htmlPageText } from './readable-output.ts';

describe('foldLibraryFrames', () => {
  it('folds runs of node_modules and internal frames and keeps the learner’s', () => {
    const trace = [
      'TypeError: Cannot read properties of undefined',
      '    at /ws/server.js:7:20',
      '    at Layer.handle (/ws/node_modules/express/lib/router/layer.js:95:5)',
      '    at next (/ws/node_modules/express/lib/router/route.js:149:13)',
      '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      '    at /ws/db.js:3:1',
      '    at Module._compile (node:internal/modules/cjs/loader:1554:14)',
    ].join('\n');
    expect(foldLibraryFrames(trace)).toBe(
      [
        'TypeError: Cannot read properties of undefined',
        '    at /ws/server.js:7:20',
        '    … 3 frames in node_modules and Node internals',
        '    at /ws/db.js:3:1',
        '    at Module._compile (node:internal/modules/cjs/loader:1554:14)',
      ].join('\n'),
    );
  });
});

describe('htmlPageText', () => {
  it('shows Express’s HTML error page as its message', () => {
    const page = '<!DOCTYPE html>\n<html lang="en">\n<head><title>Error</title></head>\n<body>\n<pre>Error: can&#39;t parse &lt;body&gt;<br> &nbsp; &nbsp;at /tmp/ws/server.js:4:9</pre>\n</body>\n</html>\n';
    expect(htmlPageText(page)).toBe("Error: can't parse <body>\n    at /tmp/ws/server.js:4:9");
  });

  it('leaves other text alone', () => {
    expect(htmlPageText('{"error":"<b>"}')).toBe('{"error":"<b>"}');
  });
});
