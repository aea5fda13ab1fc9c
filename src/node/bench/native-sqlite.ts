/**
 * Native SQLite through Debian's `sqlite3` CLI: the floor sql.js is compared with. Timing
 * comes from the CLI's own `.timer on` (per statement, so process start-up is not counted);
 * its `real` clock resolves milliseconds, its user+sys CPU time microseconds.
 */
import { execFile, spawn } from 'node:child_process';

export interface StatementTime {
  realMs: number;
  cpuMs: number;
}

/** `Run Time: real 0.012 user 0.009532 sys 0.000261` lines → times, in statement order. */
export function parseTimerOutput(output: string): StatementTime[] {
  return [...output.matchAll(/^Run Time: real ([\d.]+) user ([\d.]+) sys ([\d.]+)$/gm)].map((match) => ({
    realMs: Number(match[1]) * 1000,
    cpuMs: (Number(match[2]) + Number(match[3])) * 1000,
  }));
}

export const SQLITE_INSTALL_HINT = 'install it with `sudo apt-get install sqlite3` (Debian/Ubuntu) and run `npm run bench` again';

/** The CLI's version line, or `undefined` when `sqlite3` is not installed. */
export function sqliteCliVersion(): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('sqlite3', ['-version'], { timeout: 10_000 }, (error, stdout) => resolve(error ? undefined : stdout.trim().split(' ').slice(0, 2).join(' ')));
  });
}

/**
 * Runs `queries` on an in-memory copy of `dbFile` (`-deserialize`, like sql.js holds its
 * database in memory): once to warm the page cache and schema, then once timed.
 * Results go to /dev/null; the CLI still prints its timer lines on stdout.
 */
export function timeQueriesInSqliteCli(dbFile: string, queries: readonly string[]): Promise<StatementTime[]> {
  const statements = queries.map((query) => `${query.trim().replace(/;$/, '')};`);
  const script = ['.output /dev/null', ...statements, '.timer on', ...statements, ''].join('\n');
  return new Promise((resolve, reject) => {
    const child = spawn('sqlite3', ['-bail', '-deserialize', dbFile], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const times = parseTimerOutput(stdout);
      if (code !== 0 || times.length !== statements.length) {
        reject(new Error(`sqlite3 exited with ${code} after ${times.length}/${statements.length} timed statements: ${stderr.trim() || stdout.trim()}`));
      } else resolve(times);
    });
    child.stdin.end(script);
  });
}
