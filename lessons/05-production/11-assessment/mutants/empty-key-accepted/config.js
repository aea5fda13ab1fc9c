/**
 * The service's settings, read from the environment once at start-up and checked before it
 * listens.
 *
 *   NODE_ENV         "production" on a real server; anything else is development.
 *   CATALOG_API_KEY  the key the catalog service expects; required in production.
 */
export function loadConfig(env) {
  const production = env.NODE_ENV === 'production';
  // An empty value (CATALOG_API_KEY= in a .env file) is as good as no value.
  const catalogApiKey = env.CATALOG_API_KEY ?? '';
  if (production && env.CATALOG_API_KEY === undefined) {
    // Name the variable and the fix; there is no key in the code to fall back on.
    throw new Error('CATALOG_API_KEY is required in production: set it to the key of the catalog service.');
  }
  return Object.freeze({ catalogApiKey: catalogApiKey === '' ? undefined : catalogApiKey });
}
