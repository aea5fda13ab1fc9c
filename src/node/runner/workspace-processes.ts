/**
 * The processes of one workspace (one tab): numbered for the page, their output sent with
 * backpressure (a print loop must not eat the server's memory: output waiting in the socket
 * pauses every pipe), their listening ports announced as `server-ready` (Linux, from /proc),
 * and all of them killed together when the tab goes away.
 */
import type { WebSocket } from 'ws';
import type { RunnerEvent } from '../../runtime/local-protocol.ts';
import { listeningPorts } from './listening-ports.ts';
import type { Containment } from './process-containment.ts';
import type { SpawnPlan } from './spawn-allow-list.ts';
import { SupervisedProcess } from './supervised-process.ts';

const SERVER_READY_POLL_MS = 400;
/** Output waiting in the socket beyond this pauses the processes' pipes. */
const OUTPUT_HIGH_WATER_BYTES = 8 * 1024 * 1024;
const OUTPUT_CHECK_MS = 50;
/** How long a tab's processes get to report their exits before the workspace is deleted anyway. */
const EXIT_WAIT_MS = 2500;

export class WorkspaceProcesses {
  private readonly running = new Map<number, SupervisedProcess>();
  private nextId = 1;
  private readonly announcedPorts = new Set<number>();
  private readonly portPoll: NodeJS.Timeout | undefined;
  private outputPaused: NodeJS.Timeout | undefined;

  constructor(
    private readonly socket: WebSocket,
    private readonly containment: Containment,
    private readonly send: (event: RunnerEvent) => void,
  ) {
    this.portPoll = process.platform === 'linux' ? setInterval(() => this.announceListeningPorts(), SERVER_READY_POLL_MS) : undefined;
  }

  /** Pids of live processes, for the host's synchronous shutdown. */
  get pids(): number[] {
    return [...this.running.values()].map(({ pid }) => pid);
  }

  async start(plan: SpawnPlan): Promise<number> {
    const id = this.nextId++;
    const process = await SupervisedProcess.start(plan, this.containment, {
      output: (data) => this.sendOutput(id, data),
      exit: (code) => {
        this.running.delete(id);
        this.send({ type: 'exit', process: id, code });
      },
    });
    this.running.set(id, process);
    return id;
  }

  get(id: number): SupervisedProcess {
    const running = this.running.get(id);
    if (!running) throw new Error(`Process ${id} is not running (it may have exited).`);
    return running;
  }

  private sendOutput(process: number, data: string): void {
    this.send({ type: 'output', process, data });
    if (this.socket.bufferedAmount <= OUTPUT_HIGH_WATER_BYTES || this.outputPaused) return;
    this.setFlowing(false);
    this.outputPaused = setInterval(() => {
      if (this.socket.bufferedAmount > OUTPUT_HIGH_WATER_BYTES / 2 && this.socket.readyState === this.socket.OPEN) return;
      clearInterval(this.outputPaused);
      this.outputPaused = undefined;
      this.setFlowing(true);
    }, OUTPUT_CHECK_MS);
  }

  private setFlowing(flowing: boolean): void {
    for (const process of this.running.values()) process.setFlowing(flowing);
  }

  private announceListeningPorts(): void {
    if (this.running.size === 0 && this.announcedPorts.size === 0) return;
    const listening = listeningPorts([...this.running.values()].flatMap((process) => process.treePids()));
    for (const port of this.announcedPorts) if (!listening.has(port)) this.announcedPorts.delete(port);
    for (const port of listening) {
      if (this.announcedPorts.has(port)) continue;
      this.announcedPorts.add(port);
      this.send({ type: 'server-ready', port, url: `http://localhost:${port}` });
    }
  }

  /** Kills every process tree and waits (briefly) for their exits to be reported. */
  async dispose(): Promise<void> {
    clearInterval(this.portPoll);
    clearInterval(this.outputPaused);
    const running = [...this.running.values()];
    for (const process of running) process.killTree();
    await Promise.race([Promise.all(running.map(({ exited }) => exited)), new Promise((resolve) => setTimeout(resolve, EXIT_WAIT_MS))]);
  }

  /** Synchronous last resort when the server process itself exits. */
  killAllNow(): void {
    for (const process of this.running.values()) process.killTree();
  }
}
