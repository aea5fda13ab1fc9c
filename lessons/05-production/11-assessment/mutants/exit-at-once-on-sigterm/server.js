/** Starts the orders service: checks its settings, listens, and stops gracefully on SIGTERM. */
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { db } from './db.js';

let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  // stderr and a non-zero exit: the supervisor sees a failed start, not a server without its key.
  console.error(`Invalid configuration: ${error.message}`);
  process.exit(1);
}

// The playground picks a free port and passes it in PORT.
const port = process.env.PORT ?? 3000;
const server = createApp(config).listen(port, () => console.log(JSON.stringify({ message: 'listening', port: Number(port) })));

process.once('SIGTERM', () => {
  console.log(JSON.stringify({ message: 'SIGTERM: finishing the requests in flight' }));
  // close() stops accepting connections at once and calls back when the open ones are done.
  db.close().then(() => process.exit(0));
});
