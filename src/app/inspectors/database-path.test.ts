import { describe, expect, it } from 'vitest';
import { guessDatabasePath } from './database-path.ts';

describe('guessDatabasePath', () => {
  it('finds the file the learner’s code saves the database to', () => {
    expect(guessDatabasePath({ 'db.js': "const FILE = new URL('./store.sqlite', import.meta.url);", 'server.js': '' })).toBe('store.sqlite');
    expect(guessDatabasePath({ 'lib/db.js': 'writeFileSync("data/app.db", bytes)' })).toBe('data/app.db');
  });

  it('ignores non-code files and falls back to data.sqlite', () => {
    expect(guessDatabasePath({ 'README.md': "'notes.sqlite'", 'server.js': 'app.listen(3000)' })).toBe('data.sqlite');
  });
});
