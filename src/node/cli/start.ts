/**
 * `npm start`: serve the production build at http://localhost:5173 (PORT overrides), and print
 * the local runner's sign-in link on a line of its own — the learner clicks it, scripts grep it.
 * Ctrl-C, SIGTERM and a closed terminal (SIGHUP) all stop the server and clean up.
 */
import { errorText } from '../../shared/error-text.ts';
import { ensureBuild, serveApp } from '../app-server.ts';

const port = Number(process.env.PORT ?? 5173);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`PORT must be a port number between 1 and 65535, got "${process.env.PORT}".`);
  process.exit(1);
}

// A first build takes a minute or so: say what is happening and that it is still going.
const buildStarted = Date.now();
const seconds = () => Math.round((Date.now() - buildStarted) / 1000);
let building = false;
const ticker = setInterval(() => {
  if (building) console.log(`  …still building (${seconds()} s so far)`);
}, 10_000);
try {
  await ensureBuild((line) => {
    building = true;
    console.log(`${line}\n  It bundles the editor, the lessons, the in-browser Node runtime's files and the SQL engine; the first build takes about a minute, later starts reuse it.`);
  });
} finally {
  clearInterval(ticker);
}
if (building) console.log(`Built in ${seconds()} s.`);
try {
  const app = await serveApp(port);
  console.log(`Backend Playground is running. Open this link (it carries this start's token for the local runner):`);
  console.log(app.signInUrl);
  if (app.tokenFile) console.log(`(The link is also in ${app.tokenFile}.)`);
  const stop = () => void app.close().finally(() => process.exit(0));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
} catch (error) {
  console.error(`Could not serve on port ${port}: ${errorText(error)}\nIs another server using it? Try PORT=5174 npm start.`);
  process.exit(1);
}
