/**
 * One WebSocket connection = one browser tab = one workspace. Speaks the protocol of
 * src/runtime/local-protocol.ts: each message is parsed once (parse-runner-request.ts), then
 * dispatched to the workspace's files (workspace.ts) or processes (workspace-processes.ts);
 * every request gets exactly one reply. Anything malformed gets an error reply and the
 * connection carries on. When the socket closes, every process tree is killed and the
 * workspace deleted.
 */
import type { WebSocket } from 'ws';
import type { RunnerEvent, RunnerReplyData, RunnerRequestType } from '../../runtime/local-protocol.ts';
import { errorText } from '../../shared/error-text.ts';
import { isRequestProblem, parseRunnerRequest, type ParsedRequest } from './parse-runner-request.ts';
import type { Containment } from './process-containment.ts';
import { allowedSpawn } from './spawn-allow-list.ts';
import type { Workspace } from './workspace.ts';
import { WorkspaceProcesses } from './workspace-processes.ts';

export class RunnerConnection {
  private readonly processes: WorkspaceProcesses;
  readonly closed: Promise<void>;

  constructor(
    private readonly socket: WebSocket,
    private readonly workspace: Workspace,
    containment: Containment,
  ) {
    this.processes = new WorkspaceProcesses(socket, containment, (event) => this.send(event));
    socket.on('message', (data, isBinary) => void this.receive(data.toString(), isBinary));
    this.closed = new Promise((resolve) =>
      socket.once('close', () => {
        // Cleanup must never take the server down; a leftover temp folder is the worst case.
        this.dispose()
          .catch((error: unknown) => console.warn(`Local runner: could not clean up ${workspace.root}: ${errorText(error)}`))
          .finally(resolve);
      }),
    );
    this.send({ type: 'ready', protocol: 1, containment: containment.kind });
  }

  private send(event: RunnerEvent): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(event));
  }

  private async receive(text: string, isBinary: boolean): Promise<void> {
    const request = parseRunnerRequest(text, isBinary);
    if (isRequestProblem(request)) {
      if (request.id === undefined) this.send({ type: 'error', error: request.error });
      else this.send({ type: 'reply', id: request.id, ok: false, error: request.error });
      return;
    }
    try {
      this.send({ type: 'reply', id: request.id, ok: true, data: await this.dispatch(request) });
    } catch (error) {
      this.send({ type: 'reply', id: request.id, ok: false, error: errorText(error) });
    }
  }

  private async dispatch(request: ParsedRequest): Promise<RunnerReplyData[RunnerRequestType]> {
    switch (request.type) {
      case 'mount':
        await this.workspace.mount(request.files);
        return null;
      case 'writeFile':
        await this.workspace.writeFile(request.path, request.data);
        return null;
      case 'readFile':
        return { base64: Buffer.from(await this.workspace.readFile(request.path)).toString('base64') };
      case 'remove':
        await this.workspace.remove(request.path);
        return null;
      case 'spawn':
        return { process: await this.processes.start(await allowedSpawn(request, this.workspace)) };
      case 'stdin':
        await this.processes.get(request.process).write(request.data);
        return null;
      case 'stdin-end':
        this.processes.get(request.process).endInput();
        return null;
      case 'kill': {
        const process = this.processes.get(request.process);
        process.killTree();
        await process.exited;
        return null;
      }
    }
  }

  /** Kills every process tree, waits (briefly) for their exits and deletes the workspace. */
  private async dispose(): Promise<void> {
    await this.processes.dispose();
    await this.workspace.dispose();
  }

  /** Synchronous last resort when the server process itself exits. */
  disposeSync(): void {
    this.processes.killAllNow();
    this.workspace.disposeSync();
  }
}
