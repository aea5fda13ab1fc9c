import express from 'express';
import { all, get, run, save } from './db.js';

const app = express();
app.use(express.json());

// Build the events API described in the lesson:
//   GET    /events?limit=&offset=
//   GET    /events/:id
//   POST   /events/:id/registrations            { "email": "…" }
//   DELETE /events/:id/registrations/:registrationId
//   GET    /events/:id/forecast                 (calls the weather service)
// plus a JSON 404 for unknown paths and an error handler that never leaks a stack trace.

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
