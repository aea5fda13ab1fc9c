import { describe, expect, it } from 'vitest';
import { MountedFiles } from './mounted-files.ts';

function recordingRuntime(failWrites = false) {
  const calls: string[] = [];
  return {
    calls,
    writeFile: async (path: string, data: string | Uint8Array) => {
      if (failWrites) throw new Error('disk full');
      calls.push(`write ${path}=${String(data)}`);
    },
    remove: async (path: string) => void calls.push(`remove ${path}`),
  };
}

describe('MountedFiles', () => {
  it('writes only changed or new files, deletes missing ones, and says whether anything changed', async () => {
    const mounted = new MountedFiles();
    mounted.mounted({ 'a.js': '1', 'b.js': '2' });
    const runtime = recordingRuntime();
    expect(await mounted.sync(runtime, { 'a.js': '1', 'b.js': '3', 'c.js': '4' })).toBe(true);
    expect(runtime.calls.sort()).toEqual(['write b.js=3', 'write c.js=4']);
    runtime.calls.length = 0;
    expect(await mounted.sync(runtime, { 'a.js': '1', 'c.js': '4' })).toBe(true);
    expect(runtime.calls).toEqual(['remove b.js']);
    runtime.calls.length = 0;
    expect(await mounted.sync(runtime, { 'a.js': '1', 'c.js': '4' })).toBe(false);
    expect(runtime.calls).toEqual([]);
  });

  it('an edit typed back to what the runtime holds writes nothing', async () => {
    const mounted = new MountedFiles();
    mounted.mounted({ 'a.js': '1' });
    const runtime = recordingRuntime();
    expect(await mounted.sync(runtime, { 'a.js': '1' })).toBe(false);
    expect(runtime.calls).toEqual([]);
  });

  it('tries a failed write again on the next sync', async () => {
    const mounted = new MountedFiles();
    mounted.mounted({ 'a.js': '1' });
    await expect(mounted.sync(recordingRuntime(true), { 'a.js': '2' })).rejects.toThrow('disk full');
    const runtime = recordingRuntime();
    expect(await mounted.sync(runtime, { 'a.js': '2' })).toBe(true);
    expect(runtime.calls).toEqual(['write a.js=2']);
  });

  it('removeAll deletes every learner file it mounted, and forgets them', async () => {
    const mounted = new MountedFiles();
    mounted.mounted({ 'a.js': '1', 'db/x.sqlite': '' });
    const runtime = recordingRuntime();
    await mounted.removeAll(runtime);
    expect(runtime.calls.sort()).toEqual(['remove a.js', 'remove db/x.sqlite']);
    runtime.calls.length = 0;
    expect(await mounted.sync(runtime, { 'a.js': '1' })).toBe(true);
    expect(runtime.calls).toEqual(['write a.js=1']);
  });
});
