/**
 * The WebContainer fake has no Node.js; this program plays `node` for the scripts of the
 * Runtime contract suite (runtime-contract.ts, CONTRACT_SCRIPTS), doing what each script does
 * when real Node runs it in the local runner. Anything else fails like a missing module.
 */
import type { FakeProgram } from './webcontainer-fake.ts';

function resolve(cwd: string, path: string): string {
  const segments = cwd ? cwd.split('/') : [];
  for (const segment of path.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

const untilKilled = (signal: AbortSignal) => new Promise<number>((done) => signal.addEventListener('abort', () => done(137)));

export const fakeNode: FakeProgram = async (context) => {
  const [script = '', ...args] = context.args;
  const path = resolve(context.cwd, script);
  await context.fs.readFile(path).catch(() => {
    throw new Error(`Error: Cannot find module '${path}'`);
  });
  switch (path.split('/').pop()) {
    case 'exit.mjs':
      context.write('to stdout\n');
      context.write('to stderr\n');
      return Number(args[0]);
    case 'echo.mjs':
      for await (const line of context.stdin) context.write(`echo:${line}`);
      return untilKilled(context.signal);
    case 'where.mjs':
      context.write(`${context.cwd.split('/').pop() || 'playground'} ${context.env.GREETING}\n`);
      return 0;
    case 'serve.mjs':
      context.listen(Number(context.env.PORT));
      context.write('listening\n');
      return untilKilled(context.signal);
    case 'long.mjs':
      context.write(`${'x'.repeat(20000)}\ndone … ✓\n`);
      return 0;
    case 'forever.mjs':
      context.write('started\n');
      return untilKilled(context.signal);
    case 'agent.mjs':
      for await (const line of context.stdin) {
        const command = JSON.parse(line) as { id: number; type: string; path?: string };
        const data = command.type === 'read' ? await context.fs.readFile(resolve(context.cwd, command.path ?? ''), 'utf8') : 'pong';
        context.write(`${JSON.stringify({ type: 'reply', id: command.id, ok: true, data })}\n`);
      }
      return untilKilled(context.signal);
    default:
      throw new Error(`The WebContainer fake's node does not know how to run ${script}.`);
  }
};
