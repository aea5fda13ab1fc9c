// Access tokens for API clients: JWTs signed with HMAC-SHA256. Anyone can read the claims,
// but only the holder of SECRET can produce a signature that verifies.
import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

/**
 * The signing key, from the environment: a secret written in the code is in every copy of the
 * repository, and anyone who reads it can sign tokens for any user. Production refuses to start
 * without one; development gets a random key that dies with the process (tokens too).
 */
function signingKey() {
  const secret = process.env.JWT_SECRET;
  if (secret) return new TextEncoder().encode(secret);
  if (process.env.NODE_ENV === 'production') {
    throw new Error('JWT_SECRET is not set: refusing to start without a signing key (use 32 or more random bytes).');
  }
  console.warn('JWT_SECRET is not set: signing with a random key for this run; tokens stop working at restart.');
  return randomBytes(32);
}

const SECRET = signingKey();

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
  const { payload } = await jwtVerify(token, SECRET);
  return payload;
}
