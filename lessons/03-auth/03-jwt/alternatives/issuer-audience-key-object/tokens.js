// Tokens verified more strictly: issuer and audience are signed in and checked, and the key
// is a KeyObject. The checks must accept this: they expire the learner's own token with the clock.
import { createSecretKey, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

const ISSUER = 'urn:playground:notes-api';
const AUDIENCE = 'urn:playground:notes-clients';

function loadKey() {
  const configured = process.env.JWT_SECRET;
  if (!configured && process.env.NODE_ENV === 'production') {
    console.error('Refusing to start: set JWT_SECRET to a long random value.');
    process.exit(1);
  }
  if (!configured) console.warn('No JWT_SECRET: using a throw-away key; restart = log in again.');
  return createSecretKey(configured ? Buffer.from(configured, 'utf8') : randomBytes(32));
}

const key = loadKey();

export async function signToken(user) {
  return new SignJWT({ username: user.username })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(String(user.id))
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(key);
}

export async function verifyToken(token) {
  const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE, requiredClaims: ['exp', 'sub'] });
  return payload;
}
