// Access tokens for API clients. Right now a "token" is just base64-encoded JSON: anyone can
// decode it, change "sub" to another user's id, encode it again, and be that user.

// TODO: the signing key. Read it from process.env.JWT_SECRET; never write a secret in the code.
// In production (NODE_ENV=production) refuse to start without it; in development fall back to
// a random key for this run only.

/** A token that says who `user` is. */
export async function signToken(user) {
  // TODO: sign a JWT with jose (HS256, subject = user id, issued-at, 15 minute expiry).
  return Buffer.from(JSON.stringify({ sub: String(user.id), username: user.username })).toString('base64url');
}

/** The token's claims if it is genuine and not expired; throws otherwise. */
export async function verifyToken(token) {
  // TODO: verify signature and expiry with jwtVerify, allowing only HS256.
  return JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
}
