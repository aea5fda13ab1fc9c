import express from 'express';

const app = express();
const api = express.Router();

function logRequest(req, res, next) {
  console.info(new Date().toISOString(), `${req.method} ${req.originalUrl}`);
  next();
}

function notFound(req, res) {
  res.status(404).json({ path: req.path, error: 'Not found' });
}

api.get('/status', (req, res) => {
  res.json({ status: 'ok' });
});

api.post('/echo', async (req, res) => {
  res.json({ received: req.body });
});

app.use(logRequest);
app.use(express.json());
app.use(api);
app.all('/{*rest}', notFound);

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
