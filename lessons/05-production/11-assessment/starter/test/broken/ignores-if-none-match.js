/**
 * A broken copy of the app, for grading your tests (do not change this file): it never sees
 * the If-None-Match header, so GET /orders never answers 304. Your tests must notice.
 */
import express from 'express';
import { createApp as createRealApp } from '../../app.js';

export function createApp(config) {
  const app = express();
  app.use((req, res, next) => {
    delete req.headers['if-none-match'];
    next();
  });
  app.use(createRealApp(config));
  return app;
}
