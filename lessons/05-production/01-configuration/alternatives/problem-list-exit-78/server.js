import { createHmac } from 'node:crypto';
import express from 'express';
import { loadConfig } from './config.js';

const { config, problems } = loadConfig(process.env);

if (problems.length > 0) {
  for (const problem of problems) console.error(`config error: ${problem}`);
  // 78 is EX_CONFIG in sysexits.h; nothing else keeps the process alive, so it ends here.
  process.exitCode = 78;
} else {
  const app = express();
  app.use(express.json());

  app.post('/sign', async (req, res) => {
    const { text } = req.body ?? {};
    if (typeof text !== 'string') return res.status(400).json({ error: 'text must be a string' });
    res.json({ signature: createHmac('sha256', config.sessionSecret).update(text).digest('hex'), text });
  });

  app.listen(config.port, () => console.log(`up on port ${config.port}, ${config.nodeEnv} mode`));
}
