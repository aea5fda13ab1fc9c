/** Settings from the environment, every problem listed at once. */
export function loadConfig(env) {
  const problems = [];
  const key = env.CATALOG_API_KEY?.trim() ?? '';
  if (env.NODE_ENV === 'production' && key.length === 0) problems.push('CATALOG_API_KEY: required when NODE_ENV=production');
  if (problems.length > 0) {
    const error = new Error(problems.join('\n'));
    error.problems = problems;
    throw error;
  }
  return { catalogApiKey: key || undefined };
}
