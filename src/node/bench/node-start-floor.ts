/**
 * The floor under serverReadyMs and restartReadyMs: how long a bare Node process takes on
 * this machine, and one that loads what every learner server loads (express, and msw/node
 * which the agent preloads so checks can fake third-party APIs). Reported in the details so
 * a missed budget can be told apart from the machine being slow or busy.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { median, round } from './stats.ts';

const RUNS = 3;

const PROGRAMS: Record<string, string> = {
  node: '0',
  express: "await import('express')",
  mswNode: "await import('msw'); await import('msw/node')",
  expressAndMsw: "await import('msw'); await import('msw/node'); await import('express')",
};

function timeNode(cwd: string, program: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--input-type=module', '-e', program], { cwd, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(performance.now() - start);
      else reject(new Error(`node -e "${program}" exited with ${code}`));
    });
  });
}

/** Median start-to-exit ms of each program, run from `cwd` (where the template's packages resolve). */
export async function measureNodeStartFloor(cwd: string): Promise<Record<string, number>> {
  const floor: Record<string, number> = {};
  for (const [name, program] of Object.entries(PROGRAMS)) {
    const samples: number[] = [];
    for (let run = 0; run < RUNS; run += 1) samples.push(await timeNode(cwd, program));
    floor[name] = round(median(samples), 0);
  }
  return floor;
}
