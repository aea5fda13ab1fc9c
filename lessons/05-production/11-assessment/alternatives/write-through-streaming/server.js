/** Starts the orders service; exit code 78 (EX_CONFIG) marks a configuration error. */
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { db } from './db.js';

function configOrExit() {
  try {
    return loadConfig(process.env);
  } catch (error) {
    for (const problem of error.problems ?? [error.message]) console.error(`config: ${problem}`);
    process.exit(78);
  }
}

const config = configOrExit();
const port = process.env.PORT ?? 3000;
const server = createApp(config).listen(port, () => console.log(JSON.stringify({ message: 'listening', port: Number(port) })));

async function shutDown(signal) {
  console.log(JSON.stringify({ message: `${signal}: draining` }));
  await new Promise((resolve) => server.close(resolve));
  await db.close();
  process.exit(0);
}
process.once('SIGTERM', shutDown);
