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

app.post('/registrations', (req, res) => {
  const problems = validateRegistration(req.body);
  if (problems.length > 0) {
    return res.status(400).json({ error: 'Validation failed', details: problems });
  }
  const { name, email, tickets } = req.body;
  const registration = { id: nextId++, name, email, tickets };
  registrations.push(registration);
  res.status(201).json(registration);
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
