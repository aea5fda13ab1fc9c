import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../lessons/types.ts';
import { LessonFilesStore } from './lesson-files-store.ts';

function setUp(allowFileChanges = true) {
  const lesson = signal<Lesson | undefined>({
    id: 'l1',
    meta: { focus: 'server.js', allowFileChanges },
    starter: { 'server.js': 'starter', 'util.js': 'u' },
    solution: { 'server.js': 'solution', 'util.js': 'u' },
  } as unknown as Lesson);
  const changes: string[] = [];
  const said: string[] = [];
  const saved: unknown[] = [];
  const store = new LessonFilesStore({ lesson, changed: (how) => changes.push(how), saveProgress: (patch) => saved.push(patch), announce: (text) => said.push(text) });
  store.show(lesson.value, undefined);
  return { store, lesson: lesson.value!, changes, said, saved };
}

describe('LessonFilesStore', () => {
  it('opens the lesson focus file, or the saved one when it still exists', () => {
    const { store, lesson } = setUp();
    expect(store.openFile.value).toBe('server.js');
    store.show(lesson, { files: { 'util.js': 'x' }, openFile: 'gone.js', completed: false, attempts: 0, updatedAt: '' });
    expect(store.openFile.value).toBe('util.js');
  });

  it('an edit changes one file and reports it as typed; the same text changes nothing', () => {
    const { store, changes } = setUp();
    store.edit('server.js', 'starter');
    store.edit('server.js', 'edited');
    expect(store.contents.value['server.js']).toBe('edited');
    expect(changes).toEqual(['typed']);
  });

  it('Solve then Undo brings the previous files back, announcing both', () => {
    const { store, lesson, changes, said } = setUp();
    store.edit('server.js', 'mine');
    store.replaceWithUndo('Solve', lesson.solution);
    expect(store.contents.value['server.js']).toBe('solution');
    store.undo();
    expect(store.contents.value['server.js']).toBe('mine');
    expect(store.undoSnapshot.value).toBeUndefined();
    expect(changes).toEqual(['typed', 'replaced', 'replaced']);
    expect(said).toEqual(['The solution is in your files. Undo brings your previous code back.', 'Solve undone: your files are back.']);
  });

  it('renames and deletes files, moving the open file along; bad names are refused with a reason', () => {
    const { store } = setUp();
    expect(store.rename('server.js', '../x.js')).toMatch(/Use letters/);
    expect(store.rename('server.js', 'app.js')).toBeUndefined();
    expect(store.openFile.value).toBe('app.js');
    expect(store.contents.value).toEqual({ 'app.js': 'starter', 'util.js': 'u' });
    store.delete('app.js');
    expect(store.openFile.value).toBe('util.js');
    expect(store.create('routes/a.js')).toBeUndefined();
    expect(store.openFile.value).toBe('routes/a.js');
  });

  it('changes no file list in a lesson that does not allow it', () => {
    const { store } = setUp(false);
    expect(store.create('a.js')).toMatch(/does not let you/);
    store.delete('server.js');
    expect(Object.keys(store.contents.value)).toEqual(['server.js', 'util.js']);
  });
});
