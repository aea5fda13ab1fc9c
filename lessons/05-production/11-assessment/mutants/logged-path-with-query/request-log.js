/**
 * Structured logs: one JSON line per request, tied to a request id the response echoes in
 * X-Request-Id, and errors logged as JSON with their stack under the same id.
 */
import { randomUUID } from 'node:crypto';

/** An incoming request id we may repeat in headers and logs: short, no spaces, quotes or newlines. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function requestLog(req, res, next) {
  const incoming = req.get('x-request-id');
  const requestId = incoming !== undefined && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  req.id = requestId;
  res.set('X-Request-Id', requestId);
  const started = performance.now();
  // Read on arrival: inside a mounted Router, req.path is relative to the mount point.
  // req.path has no query string: queries carry tokens and personal data.
  const { method, originalUrl: path } = req;
  // 'finish': the response has been handed over, so its status is final.
  res.on('finish', () => {
    console.log(JSON.stringify({
      requestId,
      method,
      path,
      status: res.statusCode,
      durationMs: Math.round(performance.now() - started),
    }));
  });
  next();
}

/** The last middleware: logs the error with its stack, and answers without it. */
export function errorLog(error, req, res, next) {
  const status = error.status >= 400 && error.status < 500 ? error.status : 500;
  if (status === 500) console.log(JSON.stringify({ level: 'error', requestId: req.id, message: error.message, stack: error.stack }));
  res.status(status).json({ error: status === 500 ? 'internal error' : error.message });
}
