import express from 'express';
import { getCurrentWeather } from './weather-client.js';

const app = express();

app.get('/weather/:city', async (req, res) => {
  const weather = await getCurrentWeather(req.params.city);
  res.json(weather);
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
