import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_FILES } from './template-files.ts';

describe('lesson template files for WebContainers', () => {
  it('ship the template package.json and a lockfile that matches its dependencies', () => {
    const onDisk = readFileSync(new URL('../../lessons/_template/package.json', import.meta.url), 'utf8');
    expect(TEMPLATE_FILES['package.json']).toBe(onDisk);
    const lock = JSON.parse(String(TEMPLATE_FILES['package-lock.json'])) as { packages: Record<string, { dependencies?: Record<string, string> }> };
    const manifest = JSON.parse(onDisk) as { dependencies: Record<string, string> };
    expect(
      lock.packages['']?.dependencies,
      'lessons/_template/package-lock.json is stale: regenerate it with `npm install --package-lock-only` in a temp copy of lessons/_template',
    ).toEqual(manifest.dependencies);
    for (const name of Object.keys(manifest.dependencies)) expect(lock.packages[`node_modules/${name}`], name).toBeDefined();
  });
});
