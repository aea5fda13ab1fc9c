import { createHmac } from 'node:crypto';
import express from 'express';
import { loadConfig } from './config.js';

// TODO: when loadConfig throws, print its message on stderr (console.error) and exit with
// code 1 (process.exit(1)), before the server listens.
const config = loadConfig(process.env);

const app = express();
app.use(express.json());

// Signs a text with the server's secret: the job a session cookie, a JWT or a signed
// download link does. Whoever knows the secret can sign anything.
app.post('/sign', (req, res) => {
  const text = req.body?.text;
  if (typeof text !== 'string') return res.status(400).json({ error: 'send { "text": "…" }' });
  const signature = createHmac('sha256', config.sessionSecret).update(text).digest('hex');
  res.json({ text, signature });
});

// The playground picks a free port and passes it in PORT (config.js reads it).
app.listen(config.port, () => console.log(`Listening on http://localhost:${config.port} (${config.nodeEnv})`));
