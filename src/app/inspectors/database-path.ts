/**
 * Which SQLite file a `server` lesson's database browser shows. Lessons save the database
 * from the learner's code (`db.export()` to a file), so the file's name is in that code:
 * the first `….sqlite` / `….sqlite3` / `….db` string literal in the files wins.
 */
const DEFAULT_DATABASE_PATH = 'data.sqlite';

const DATABASE_LITERAL = /['"`](?:\.\/)?([\w-]+(?:\/[\w.-]+)*\.(?:sqlite3?|db))['"`]/;

export function guessDatabasePath(files: Record<string, string>): string {
  for (const path of Object.keys(files).sort()) {
    if (!/\.(m?js|cjs)$/.test(path)) continue;
    const found = DATABASE_LITERAL.exec(files[path] ?? '')?.[1];
    if (found) return found;
  }
  return DEFAULT_DATABASE_PATH;
}
