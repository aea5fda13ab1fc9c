/**
 * A Node child process seen as a RuntimeProcess (src/runtime/runtime.ts), so code written for
 * runtimes — AgentClient above all — runs unchanged over a plain local process.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { RuntimeProcess } from '../runtime/runtime.ts';
import { killProcessTree } from './runner/process-tree.ts';

export function childRuntimeProcess(child: ChildProcessWithoutNullStreams): RuntimeProcess {
  const exit = new Promise<number>((resolve) => {
    child.once('error', () => resolve(1));
    child.once('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  const output = new ReadableStream<string>({
    start(controller) {
      let open = 2;
      for (const stream of [child.stdout, child.stderr]) {
        stream.setEncoding('utf8');
        stream.on('data', (text: string) => controller.enqueue(text));
        stream.once('close', () => {
          open -= 1;
          if (open === 0) controller.close();
        });
      }
    },
  });
  const input = new WritableStream<string>({
    write: (text) =>
      new Promise<void>((resolve, reject) => {
        child.stdin.write(text, (error) => (error ? reject(error) : resolve()));
      }),
    close: () => {
      child.stdin.end();
    },
  });
  child.stdin.on('error', () => {
    // Writing to a process that already exited: `exit` reports the end, the write is moot.
  });
  return {
    output,
    input,
    exit,
    kill: () => {
      if (child.pid !== undefined && child.exitCode === null) killProcessTree(child.pid);
    },
  };
}
