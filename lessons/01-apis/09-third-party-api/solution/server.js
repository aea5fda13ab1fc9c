import express from 'express';
import { getCurrentWeather, UpstreamError } from './weather-client.js';

const app = express();

app.get('/weather/:city', async (req, res) => {
  const weather = await getCurrentWeather(req.params.city);
  res.json(weather);
});

app.use((err, req, res, next) => {
  if (err instanceof UpstreamError) {
    return res.status(err.status).json({ error: err.message });
  }
  console.error(err);
  res.status(500).json({ error: 'Internal Server Error' });
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
