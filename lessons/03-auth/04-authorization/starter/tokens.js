// Access tokens for API clients: JWTs signed with HMAC-SHA256. Anyone can read the claims,
// but only the holder of SECRET can produce a signature that verifies.
import { SignJWT, jwtVerify } from 'jose';

// The signing key. Keep this fallback: the checks use it to build an expired token.
export const SECRET = new TextEncoder().encode(process.env.JWT_SECRET ?? 'playground-dev-secret-change-me-in-production');

/** A token that says who `user` is. */
export async function signToken(user) {
  return new SignJWT({ username: user.username })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(user.id))
    .setIssuedAt()
    // Short-lived: a stolen token is useful for minutes, not forever.
    .setExpirationTime('15m')
    .sign(SECRET);
}

/** The token's claims if it is genuine and not expired; throws otherwise. */
export async function verifyToken(token) {
  // Pin the algorithm: never let the token's own header choose how it is checked.
  const { payload } = await jwtVerify(token, SECRET, { algorithms: ['HS256'] });
  return payload;
}
