import express from 'express';
import { validateRegistration } from './validate.js';

const app = express();
app.use(express.json());

// In memory: resets whenever the server restarts.
const registrations = [];
let nextId = 1;

app.get('/registrations', (req, res) => {
  res.json(registrations);
});

app.post('/registrations', async (req, res) => {
  const problems = validateRegistration(req.body);
  if (problems.length) {
    res.status(400).json({ details: problems, error: 'Validation failed' });
    return;
  }
  const { name, email, tickets } = req.body;
  const registration = { email, tickets, name: name.trim(), id: nextId++ };
  registrations.push(registration);
  res.status(201).json(registration);
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
