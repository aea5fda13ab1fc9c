import { describe, expect, it } from 'vitest';
import type { RuntimeProcess } from '../runtime/runtime.ts';
import type { CheckResult } from '../checks/result.ts';
import { AgentClient, type AgentEvent } from './client.ts';

/** A RuntimeProcess whose output the test writes and whose input the test reads. */
function fakeProcess() {
  let emit!: ReadableStreamDefaultController<string>;
  let exit!: (code: number) => void;
  const written: string[] = [];
  const process: RuntimeProcess = {
    output: new ReadableStream<string>({ start: (controller) => void (emit = controller) }),
    input: new WritableStream<string>({ write: (chunk) => void written.push(chunk) }),
    exit: new Promise<number>((resolve) => (exit = resolve)),
    kill: () => exit(137),
  };
  const sent = (): { id: number; type: string }[] => written.join('').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
  return { process, sent, write: (text: string) => emit.enqueue(text), exit: (code: number) => exit(code) };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('AgentClient', () => {
  it('numbers commands and resolves each with its own reply, even split across chunks', async () => {
    const agent = fakeProcess();
    const client = new AgentClient(agent.process);
    const status = client.send({ type: 'status' });
    const hello = client.send({ type: 'hello' });
    await tick();
    expect(agent.sent()).toEqual([{ type: 'status', id: 1 }, { type: 'hello', id: 2 }]);
    agent.write('{"type":"reply","id":2,"ok":true,"data":{"version":1,"node":"v20"}}\n{"type":"reply","id":1,');
    agent.write('"ok":true,"data":{"state":"running","port":4000}}\n');
    await expect(hello).resolves.toEqual({ version: 1, node: 'v20' });
    await expect(status).resolves.toEqual({ state: 'running', port: 4000 });
  });

  it('rejects with the agent\'s error message', async () => {
    const agent = fakeProcess();
    const client = new AgentClient(agent.process);
    const reply = client.send({ type: 'db', path: 'nope.sqlite' });
    agent.write('{"type":"reply","id":1,"ok":false,"error":"nope.sqlite does not exist in the workspace"}\n');
    await expect(reply).rejects.toThrow('nope.sqlite does not exist in the workspace');
  });

  it('streams check results to the caller, then resolves with the summary', async () => {
    const agent = fakeProcess();
    const client = new AgentClient(agent.process);
    const seen: string[] = [];
    const summary = client.check((result) => seen.push(result.id));
    const result: CheckResult = { id: 'health', title: 'h', status: 'pass', message: '', durationMs: 1 };
    agent.write(`${JSON.stringify({ type: 'check-result', id: 1, result })}\n`);
    agent.write(`${JSON.stringify({ type: 'reply', id: 1, ok: true, data: { passed: 1, failed: 0, results: [result] } })}\n`);
    await expect(summary).resolves.toMatchObject({ passed: 1 });
    expect(seen).toEqual(['health']);
  });

  it('forwards events, and turns non-protocol output into log events', async () => {
    const agent = fakeProcess();
    const client = new AgentClient(agent.process);
    const events: AgentEvent[] = [];
    client.onEvent((event) => events.push(event));
    agent.write('{"type":"server","status":{"state":"starting","port":1}}\nTypeError: oops\n{"type":"reply","id":-1,"ok":false,"error":"not a JSON command"}\n');
    await tick();
    expect(events).toEqual([
      { type: 'server', status: { state: 'starting', port: 1 } },
      { type: 'log', stream: 'stderr', text: 'TypeError: oops\n' },
      { type: 'log', stream: 'stderr', text: 'agent: not a JSON command\n' },
    ]);
  });

  it('rejects pending and later commands when the agent exits, with its last output', async () => {
    const agent = fakeProcess();
    const client = new AgentClient(agent.process);
    const pending = client.send({ type: 'check' });
    agent.write('Error: Cannot find module sql.js\n');
    await tick();
    agent.exit(1);
    await expect(pending).rejects.toThrow('The agent stopped (exit code 1). Its last output:\nError: Cannot find module sql.js');
    await expect(client.send({ type: 'status' })).rejects.toThrow('exit code 1');
  });

  it('reads messages through a terminal: echoed commands, ANSI noise, \\r frames and lines split anywhere', async () => {
    const agent = fakeProcess();
    const client = new AgentClient(agent.process);
    const events: AgentEvent[] = [];
    client.onEvent((event) => events.push(event));
    const status = client.send({ type: 'status' });
    await tick();
    // The pseudo-terminal echoes what we wrote, then the agent's answer arrives in pieces.
    agent.write('{"type":"status","id":1}\n\u001b[?25l\u001b[32m{"type":"reply","id":1,"ok":');
    agent.write('true,"data":{"state":"running","port":7}}\u001b[0m\n');
    agent.write('spinner\r{"type":"log","stream":"stdout","text":"caf\\u00e9 \\u2026"}\n');
    await expect(status).resolves.toEqual({ state: 'running', port: 7 });
    expect(events).toEqual([{ type: 'log', stream: 'stdout', text: 'café …' }]);
  });

  it('never mistakes a command line for a message', async () => {
    const agent = fakeProcess();
    const client = new AgentClient(agent.process);
    const events: AgentEvent[] = [];
    client.onEvent((event) => events.push(event));
    agent.write('{"type":"check","id":9}\n');
    await tick();
    expect(events).toEqual([{ type: 'log', stream: 'stderr', text: '{"type":"check","id":9}\n' }]);
  });

  it('dispose asks the agent to shut down and waits for it to exit', async () => {
    const agent = fakeProcess();
    let killed = false;
    const client = new AgentClient({ ...agent.process, kill: () => void (killed = true) });
    const disposed = client.dispose(1000);
    await tick();
    expect(agent.sent()).toEqual([{ type: 'shutdown', id: 1 }]);
    agent.exit(0);
    await disposed;
    expect(killed).toBe(false);
  });

  it('dispose kills an agent that does not exit within the grace period (closing its input sends nothing)', async () => {
    const agent = fakeProcess();
    let killed = false;
    const client = new AgentClient({ ...agent.process, kill: () => void (killed = true) });
    await client.dispose(30);
    expect(agent.sent()).toEqual([{ type: 'shutdown', id: 1 }]);
    expect(killed).toBe(true);
  });

  it('switches lessons with one command', async () => {
    const agent = fakeProcess();
    const client = new AgentClient(agent.process);
    const switched = client.switchLesson();
    await tick();
    expect(agent.sent()).toEqual([{ type: 'lesson', id: 1 }]);
    agent.write('{"type":"reply","id":1,"ok":true,"data":{"state":"running","port":9}}\n');
    await expect(switched).resolves.toEqual({ state: 'running', port: 9 });
  });

  it('times out a command when asked to', async () => {
    const client = new AgentClient(fakeProcess().process);
    await expect(client.send({ type: 'status' }, { timeoutMs: 20 })).rejects.toThrow('The agent did not answer "status" within 0.02 s.');
  });
});
