import express from 'express';
import { findUser } from './users-repo.js';

const app = express();

// findUser is async: it returns a Promise, so the handler must await it. (Express 5 also
// passes a rejected await on to the error handler, so async handlers are safe here.)
app.get('/users/:id', async (req, res) => {
  if (!(await findUser(Number(req.params.id)))) return res.status(404).json({ error: 'no such user' });
  res.json(findUser(Number(req.params.id)));
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
