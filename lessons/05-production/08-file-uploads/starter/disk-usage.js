// Admin script: prints, as JSON, every file under uploads/ (subfolders included) with its size
// in bytes. Run it with `node disk-usage.js`. The checks run it too, to see that a refused
// upload left nothing on disk — keep it as it is.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve('uploads');
const entries = await readdir(root, { recursive: true }).catch(() => []);
const report = [];
for (const entry of entries.sort()) {
  const info = await stat(path.join(root, entry));
  if (info.isFile()) report.push({ path: entry.split(path.sep).join('/'), size: info.size });
}
console.log(JSON.stringify(report));
