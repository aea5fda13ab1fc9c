import { randomBytes } from 'node:crypto';

/**
 * The server's settings, read from environment variables once at start-up.
 *
 *   NODE_ENV        "production" on a real server; anything else (or unset) is development.
 *   PORT            the port to listen on; default 3000.
 *   SESSION_SECRET  the key that signs tokens; required in production.
 */
const DEFAULT_PORT = 3000;
const MIN_SECRET_LENGTH = 32;

export function loadConfig(env) {
  const nodeEnv = env.NODE_ENV || 'development';
  const production = nodeEnv === 'production';
  const problems = [];

  const port = readPort(env.PORT, problems);

  // An empty value (SESSION_SECRET= in a .env file) is as good as no value.
  let sessionSecret = env.SESSION_SECRET ?? '';
  if (sessionSecret === '') {
    if (production) {
      problems.push(`SESSION_SECRET is required in production: set it to a random string of at least ${MIN_SECRET_LENGTH} characters (openssl rand -base64 32).`);
    } else {
      // Random, never a constant: a secret written in the source is known to everyone who can read it.
      sessionSecret = randomBytes(32).toString('base64url');
      console.warn('Warning: SESSION_SECRET is not set; using a random secret for this run (signatures will not survive a restart).');
    }
  } else if (sessionSecret.length < MIN_SECRET_LENGTH) {
    // Say what is wrong, never the value: start-up output ends up in log files.
    problems.push(`SESSION_SECRET is too short: use at least ${MIN_SECRET_LENGTH} characters.`);
  }

  if (problems.length > 0) throw new Error(problems.join('\n'));
  return Object.freeze({ nodeEnv, port, sessionSecret });
}

function readPort(value, problems) {
  if (value === undefined || value === '') return DEFAULT_PORT;
  // Number('3000abc') is NaN and parseInt('3000abc') is 3000: only digits, then a range check.
  if (!/^\d+$/.test(value)) {
    problems.push(`PORT must be a whole number from 0 to 65535, not "${value}".`);
    return undefined;
  }
  return Number(value);
}
