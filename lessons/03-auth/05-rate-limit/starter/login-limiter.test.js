// Unit tests for login-limiter.js. The lesson's checks run this file, as it is, with
// `node --test login-limiter.test.js`; leave it unchanged.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_TRACKED, recordFailure, trackedCount } from './login-limiter.js';

test('memory stays bounded however many usernames and addresses an attacker invents', () => {
  assert.ok(MAX_TRACKED <= 100_000, 'keep MAX_TRACKED a sensible size');
  const now = Date.now();
  for (let i = 0; i < MAX_TRACKED * 3; i++) {
    recordFailure(`invented-${i}`, `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, now);
  }
  assert.ok(trackedCount() <= MAX_TRACKED, `${trackedCount()} keys tracked; at most ${MAX_TRACKED} allowed`);
});

test('ended windows are forgotten', () => {
  const now = Date.now();
  recordFailure('someone', '10.1.2.3', now);
  recordFailure('someone-else', '10.1.2.4', now + 16 * 60 * 1000);
  assert.ok(trackedCount() <= 2, `${trackedCount()} keys still tracked after every earlier window ended`);
});
