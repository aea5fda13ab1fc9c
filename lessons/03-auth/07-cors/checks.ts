import { defineChecks } from '../../../src/checks/define.ts';

const ALLOWED = 'http://localhost:5173';
const OTHER = 'https://evil.example';
/** Another origin whose text starts with the allowed one: a prefix or substring test lets it through. */
const LOOKALIKE = 'http://localhost:51730';

const preflightHeaders = (origin: string) => ({
  origin,
  'access-control-request-method': 'POST',
  'access-control-request-headers': 'content-type',
});

export default defineChecks({
  checks: [
    {
      id: 'allowed-origin',
      title: 'The allowed origin gets Access-Control-Allow-Origin',
      hint: "Compare req.get('origin') with ALLOWED_ORIGIN and echo it back: res.set('Access-Control-Allow-Origin', ALLOWED_ORIGIN).",
      steps: [
        {
          name: `GET /api/quotes from ${ALLOWED}`,
          request: { path: '/api/quotes', headers: { origin: ALLOWED } },
          expect: { status: 200, headers: { 'access-control-allow-origin': ALLOWED } },
          message: `A request from ${ALLOWED} must get "Access-Control-Allow-Origin: ${ALLOWED}" — that exact origin, not "*" (browsers refuse "*" for requests that carry cookies).`,
        },
      ],
    },
    {
      id: 'credentials-allowed',
      title: 'The allowed origin may send its cookies: Access-Control-Allow-Credentials: true',
      hint: "res.set('Access-Control-Allow-Credentials', 'true') next to Access-Control-Allow-Origin — only for the allowed origin.",
      steps: [
        {
          name: `GET /api/quotes from ${ALLOWED}`,
          request: { path: '/api/quotes', headers: { origin: ALLOWED, cookie: 'sid=front-end-session' } },
          expect: { headers: { 'access-control-allow-credentials': 'true' } },
          message: `The front-end fetches with credentials: "include" (its session cookie). Without "Access-Control-Allow-Credentials: true" the browser hides the answer from it. Send it for ${ALLOWED}.`,
        },
      ],
    },
    {
      id: 'other-origin-refused',
      title: 'Another origin gets no Access-Control-Allow-Origin',
      hint: 'Set the header only when the Origin request header === ALLOWED_ORIGIN; for anyone else set nothing (do not answer an error: the browser does the blocking).',
      steps: [
        {
          name: `GET /api/quotes from ${OTHER}, with a cookie`,
          request: { path: '/api/quotes', headers: { origin: OTHER, cookie: 'sid=victim-session' } },
          expect: { headers: { 'access-control-allow-origin': null } },
          message: `A page on ${OTHER} may read this API's answers with its visitors' cookies: the response carries Access-Control-Allow-Origin. Send that header only when Origin is exactly ${ALLOWED} — never echo the request's Origin.`,
        },
        {
          name: `GET /api/quotes from ${LOOKALIKE}`,
          request: { path: '/api/quotes', headers: { origin: LOOKALIKE } },
          expect: { headers: { 'access-control-allow-origin': null } },
          message: `${LOOKALIKE} — another origin, whose text merely starts with yours — got Access-Control-Allow-Origin. (For a real domain the lookalike is https://app.example.com.evil.example, which anyone can register.) Compare the whole Origin with ===, not startsWith or includes.`,
        },
      ],
    },
    {
      id: 'vary-origin',
      title: 'Responses say they vary by Origin',
      hint: "res.vary('Origin') on every response.",
      steps: [
        {
          name: `GET /api/quotes from ${ALLOWED}`,
          request: { path: '/api/quotes', headers: { origin: ALLOWED } },
          expect: { headers: { vary: /\borigin\b/i } },
          message: 'Add "Vary: Origin" (res.vary("Origin")): the answer depends on the Origin header, and a shared cache must not give one origin\'s answer to another.',
        },
        {
          name: `GET /api/quotes from ${OTHER}`,
          request: { path: '/api/quotes', headers: { origin: OTHER } },
          expect: { headers: { vary: /\borigin\b/i } },
          message: 'Send "Vary: Origin" on every response, also those without CORS headers: otherwise a cache may store this answer and give it to the allowed front-end, which then cannot read it.',
        },
      ],
    },
    {
      id: 'preflight-allowed',
      title: 'The preflight OPTIONS from the allowed origin is answered',
      hint: "For OPTIONS from the allowed origin: set Access-Control-Allow-Methods ('GET, POST') and Access-Control-Allow-Headers ('Content-Type'), then res.status(204).end().",
      steps: [
        {
          name: `OPTIONS /api/quotes from ${ALLOWED} (preflight for a JSON POST)`,
          request: { method: 'OPTIONS', path: '/api/quotes', headers: preflightHeaders(ALLOWED) },
          expect: {
            status: [200, 204],
            headers: {
              'access-control-allow-origin': ALLOWED,
              'access-control-allow-credentials': 'true',
              'access-control-allow-methods': /\bPOST\b/i,
              'access-control-allow-headers': /\bcontent-type\b/i,
            },
          },
          message: `Before a JSON POST the browser sends OPTIONS with Access-Control-Request-Method/-Headers. Answer it (204) with Access-Control-Allow-Origin: ${ALLOWED}, Access-Control-Allow-Credentials: true, Access-Control-Allow-Methods including POST and Access-Control-Allow-Headers including Content-Type.`,
        },
      ],
    },
    {
      id: 'preflight-other-refused',
      title: 'A preflight from another origin is not approved',
      steps: [
        {
          name: `OPTIONS /api/quotes from ${OTHER}`,
          request: { method: 'OPTIONS', path: '/api/quotes', headers: preflightHeaders(OTHER) },
          expect: { headers: { 'access-control-allow-origin': null } },
          message: `The preflight from ${OTHER} was approved (it got Access-Control-Allow-Origin). Only answer CORS headers for ${ALLOWED}.`,
        },
      ],
    },
    {
      id: 'no-origin-still-works',
      title: "Requests without an Origin still work, and the front-end's POST too",
      hint: 'CORS is not authentication: only browsers enforce it. Do not reject requests without an Origin.',
      steps: [
        {
          name: 'GET /api/quotes without Origin',
          request: { path: '/api/quotes' },
          expect: { status: 200, json: [{ path: '', type: 'array' }] },
          message: 'GET /api/quotes without an Origin header must still answer 200 with the quotes: CORS only tells browsers who may read; it does not block other clients.',
        },
        {
          name: 'POST /api/quotes from the allowed origin',
          request: { method: 'POST', path: '/api/quotes', headers: { origin: ALLOWED }, json: { text: 'Talk is cheap.', author: 'Linus Torvalds' } },
          expect: { status: 201, headers: { 'access-control-allow-origin': ALLOWED } },
          message: `POST /api/quotes from ${ALLOWED} must still create the quote (201) and carry Access-Control-Allow-Origin.`,
        },
      ],
    },
  ],
});
