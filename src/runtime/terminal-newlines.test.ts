import { describe, expect, it } from 'vitest';
import { terminalNewlines } from './terminal-newlines.ts';

async function through(chunks: string[]): Promise<string[]> {
  const out: string[] = [];
  await new ReadableStream<string>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  })
    .pipeThrough(terminalNewlines())
    .pipeTo(new WritableStream({ write: (chunk) => void out.push(chunk) }));
  return out;
}

describe('terminalNewlines', () => {
  it('turns the terminal\'s \\r\\n back into \\n, even split across chunks', async () => {
    expect((await through(['{"id":1}\r\n{"id"', ':2}\r', '\n'])).join('')).toBe('{"id":1}\n{"id":2}\n');
  });

  it('keeps a lone \\r (progress bars) and a final one', async () => {
    expect((await through(['50%\r100%\r', 'done\r'])).join('')).toBe('50%\r100%\rdone\r');
  });
});
