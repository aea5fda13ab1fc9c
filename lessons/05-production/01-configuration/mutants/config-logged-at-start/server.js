import { createHmac } from 'node:crypto';
import express from 'express';
import { loadConfig } from './config.js';

let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  // A clear message on stderr and a non-zero exit: the supervisor (systemd, Kubernetes, your
  // deploy script) sees a failed start instead of a server running with a broken setup.
  console.error(`Invalid configuration:\n${error.message}`);
  process.exit(1);
}

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
app.listen(config.port, () => console.log('Listening with', config));
