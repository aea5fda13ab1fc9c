/**
 * The server's settings, read from environment variables once at start-up.
 *
 *   NODE_ENV        "production" on a real server; anything else (or unset) is development.
 *   PORT            the port to listen on; default 3000.
 *   SESSION_SECRET  the key that signs tokens; required in production.
 */
export function loadConfig(env) {
  // TODO: validate the settings and throw an Error that names every problem:
  //   - PORT, when set, must be a whole number from 0 to 65535 ("3000abc" is not a port);
  //   - SESSION_SECRET, when set, must be at least 32 characters;
  //   - in production SESSION_SECRET is required (unset or empty is an error);
  //   - in development without one, use a random secret for this run and warn on stderr.
  // Never print the secret itself.
  return {
    nodeEnv: env.NODE_ENV ?? 'development',
    port: env.PORT ?? 3000,
    sessionSecret: env.SESSION_SECRET || 'keyboard cat',
  };
}
