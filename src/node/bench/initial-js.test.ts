import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { initialScriptUrls, measureInitialJs, packagesInSourceMap } from './initial-js.ts';

describe('initial JavaScript of a build', () => {
  const dist = mkdtempSync(join(tmpdir(), 'initial-js-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('counts the entry, its modulepreloads and static imports, and leaves dynamic imports out', async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(
      join(dist, 'index.html'),
      '<html><head><script type="module" crossorigin src="/assets/index.js"></script><link rel="modulepreload" crossorigin href="/assets/vendor.js"><link rel="stylesheet" href="/assets/index.css"></head></html>',
    );
    writeFileSync(join(dist, 'assets', 'index.js'), 'import{v as e}from"./vendor.js";import"./shared.js";const m=()=>import("./monaco.js");console.log(e,m);');
    writeFileSync(join(dist, 'assets', 'vendor.js'), 'import"./shared.js";export const v="' + 'x'.repeat(2000) + '";');
    writeFileSync(join(dist, 'assets', 'shared.js'), 'export const s=1;');
    writeFileSync(join(dist, 'assets', 'monaco.js'), 'import"./huge.js";export const editor=1;');
    writeFileSync(join(dist, 'assets', 'huge.js'), 'export const h="' + 'y'.repeat(100000) + '";');
    writeFileSync(join(dist, 'assets', 'vendor.js.map'), JSON.stringify({ sources: ['../../node_modules/preact/dist/preact.mjs', '../../node_modules/@preact/signals/dist/signals.mjs', '../../src/app/main.tsx'] }));

    const initial = await measureInitialJs(dist);
    expect(initial.files.map((file) => file.file)).toEqual(['assets/index.js', 'assets/shared.js', 'assets/vendor.js']);
    expect(initial.files.find((file) => file.file === 'assets/vendor.js')?.packages).toEqual(['@preact/signals', 'preact']);
    const vendor = initial.files.find((file) => file.file === 'assets/vendor.js')!;
    expect(vendor.gzipBytes).toBeLessThan(vendor.bytes);
    expect(initial.totalGzipKb).toBeCloseTo(initial.files.reduce((sum, file) => sum + file.gzipBytes, 0) / 1024);
  });

  it('reads module scripts and modulepreload links whatever the attribute order and quotes', () => {
    expect(initialScriptUrls(`<script src='/a.js' type=module></script><script src="/legacy.js"></script><link href="/b.js" rel="modulepreload">`)).toEqual(['/a.js', '/b.js']);
    expect(packagesInSourceMap(['../node_modules/.pnpm/x/node_modules/monaco-editor/esm/a.js'])).toEqual(['monaco-editor']);
  });

  it('says what to do when there is no build', async () => {
    await expect(measureInitialJs(join(dist, 'missing'))).rejects.toThrow(/npm run build/);
  });
});
