import { randomUUID } from 'node:crypto';

/**
 * The server's settings from environment variables: { config, problems }. The caller decides
 * what to do with problems; nothing here exits.
 */
export function loadConfig(env) {
  const problems = [];
  const nodeEnv = env.NODE_ENV ? env.NODE_ENV : 'development';

  let port = 3000;
  if (env.PORT !== undefined && env.PORT !== '') {
    port = Number(env.PORT);
    // Number('1e3') is an integer too: insist on plain digits as well.
    if (!/^[0-9]+$/.test(env.PORT) || !Number.isInteger(port) || port < 0 || port > 65535) {
      problems.push(`PORT must be a port number (0-65535); got "${env.PORT}".`);
    }
  }

  let sessionSecret = env.SESSION_SECRET;
  if (!sessionSecret) {
    if (nodeEnv === 'production') {
      problems.push('SESSION_SECRET is missing. Production needs a random secret of 32+ characters.');
    } else {
      sessionSecret = randomUUID() + randomUUID();
      console.error('[config] no SESSION_SECRET: signing with a throw-away random secret.');
    }
  } else if (sessionSecret.length < 32) {
    problems.push('SESSION_SECRET must be 32 characters or more.');
  }

  return { config: { nodeEnv, port, sessionSecret }, problems };
}
