import express from 'express';

const app = express();

app.get('/hello', (req, res) => {
  res.send('Hello, world!');
});

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
