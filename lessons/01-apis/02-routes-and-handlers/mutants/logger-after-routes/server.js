import express from 'express';

const app = express();

app.use(express.json());

app.get('/status', (req, res) => {
  res.json({ status: 'ok' });
});

// Answers the JSON body it received, wrapped in { received: … }.
app.post('/echo', (req, res) => {
  res.json({ received: req.body });
});

// A middleware: runs for every request, then passes it on with next().
app.use((req, res, next) => {
  console.log(`${req.method} ${req.path}`);
  next();
});

app.use((req, res) => {
  res.status(404).json({ error: 'Not found', path: req.path });
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
