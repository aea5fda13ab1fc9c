/** The machine a bench ran on: numbers mean little without it. */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';

export interface Machine {
  cores: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  os: string;
  chromium: string | null;
  /** 1-minute load average when the bench started and ended: above `cores`, others shared the CPU. */
  loadAverage1m: { atStart: number; atEnd: number };
}

export function loadAverage1m(): number {
  return Math.round((loadavg()[0] ?? 0) * 10) / 10;
}

function readOsName(): string {
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(text)?.[1];
    if (pretty) return `${pretty} (${osType()} ${release()})`;
  } catch {
    // Not Linux or no os-release: the kernel name and release are still worth recording.
  }
  return `${osType()} ${release()}`;
}

export function describeMachine(chromiumVersion: string | null, loadAtStart: number): Machine {
  const processors = cpus();
  return {
    cores: processors.length,
    cpuModel: processors[0]?.model.trim() ?? 'unknown CPU',
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: readOsName(),
    chromium: chromiumVersion,
    loadAverage1m: { atStart: loadAtStart, atEnd: loadAverage1m() },
  };
}
