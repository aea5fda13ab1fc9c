// Your tests for the to-do API in server.js. The checks start a server, set BASE_URL to its
// address (another port every time) and run this file with `node --test`.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const BASE_URL = process.env.BASE_URL;
