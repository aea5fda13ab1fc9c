import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_FILES } from './template-files.ts';

const read = (path: string) => readFileSync(new URL(`../../lessons/_template/${path}`, import.meta.url), 'utf8');

describe('lesson template files for WebContainers', () => {
  it('ship the template package.json, which declares the Node versions it supports', () => {
    const onDisk = read('package.json');
    expect(TEMPLATE_FILES['package.json']).toBe(onDisk);
    expect((JSON.parse(onDisk) as { engines?: { node?: string } }).engines?.node).toMatch(/^>=\d+/);
  });

  it('have a lockfile that matches the dependencies (the WebContainer snapshot is built from it)', () => {
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { dependencies?: Record<string, string>; engines?: unknown }> };
    const manifest = JSON.parse(read('package.json')) as { dependencies: Record<string, string>; engines: unknown };
    expect(
      { dependencies: lock.packages['']?.dependencies, engines: lock.packages['']?.engines },
      'lessons/_template/package-lock.json is stale: regenerate it with `npm install --package-lock-only` in a temp copy of lessons/_template',
    ).toEqual({ dependencies: manifest.dependencies, engines: manifest.engines });
    for (const name of Object.keys(manifest.dependencies)) expect(lock.packages[`node_modules/${name}`], name).toBeDefined();
  });
});
