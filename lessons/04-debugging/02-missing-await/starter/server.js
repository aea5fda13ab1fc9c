import express from 'express';
import { findUser } from './users-repo.js';

const app = express();

app.get('/users/:id', (req, res) => {
  const user = findUser(Number(req.params.id));
  if (!user) return res.status(404).json({ error: 'no such user' });
  res.json(user);
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
