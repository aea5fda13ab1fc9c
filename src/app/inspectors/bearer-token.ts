/**
 * The HTTP client's Authorization helper: the token a login answered with, found in a JSON
 * response body (`token`, `accessToken`, `access_token`, `jwt`, `id_token`, at the top or one
 * level down, e.g. `{ data: { token } }`), so the learner sends it as `Bearer …` by clicking.
 */
const TOKEN_KEY = /^(access_?token|id_?token|token|jwt)$/i;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function ownToken(record: Record<string, unknown>): string | undefined {
  const found = Object.entries(record).find(([key, value]) => TOKEN_KEY.test(key) && typeof value === 'string' && value !== '');
  return found?.[1] as string | undefined;
}

export function findBearerToken(json: unknown): string | undefined {
  if (!isRecord(json)) return undefined;
  return ownToken(json) ?? Object.values(json).filter(isRecord).map(ownToken).find((token) => token !== undefined);
}
