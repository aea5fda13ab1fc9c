/** `npm start`: serve the production build at http://localhost:5173 (PORT overrides). */
import { ensureBuild, serveApp } from '../app-server.ts';

const port = Number(process.env.PORT ?? 5173);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`PORT must be a port number between 1 and 65535, got "${process.env.PORT}".`);
  process.exit(1);
}

await ensureBuild();
try {
  const app = await serveApp(port);
  console.log(`Backend Playground is running at ${app.url}`);
  const stop = () => void app.close().finally(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Could not serve on port ${port}: ${message}\nIs another server using it? Try PORT=5174 npm start.`);
  process.exit(1);
}
