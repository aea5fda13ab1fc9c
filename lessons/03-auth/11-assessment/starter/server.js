// Notes vault — read the task in the lesson text; every route below is yours to write.
import express from 'express';
import { readCookie } from './cookies.js';
import { all, get, run } from './db.js';

const app = express();
app.use(express.json());

const notYet = (req, res) => res.status(501).json({ error: `${req.method} ${req.path} is not implemented yet` });

app.post('/signup', notYet);
app.post('/login', notYet);
app.post('/logout', notYet);
app.get('/notes', notYet);
app.post('/notes', notYet);
app.get('/notes/:id', notYet);

const port = process.env.PORT ?? 3000;
app.listen(port, () => console.log(`Listening on http://localhost:${port}`));
