/**
 * A runner host in a process of its own, for tests that signal it (SIGHUP, SIGTERM) the way a
 * closed terminal would. Prints one JSON line — origin, sign-in cookie, workspaces folder — and
 * then serves until a signal ends it. Run with `node --import tsx tests/support/runner-child.ts`.
 */
import { startTestRunnerServer } from './test-runner-server.ts';

const runner = await startTestRunnerServer();
console.log(JSON.stringify({ origin: runner.origin, cookie: await runner.signIn(), workspacesDir: runner.workspacesDir }));
