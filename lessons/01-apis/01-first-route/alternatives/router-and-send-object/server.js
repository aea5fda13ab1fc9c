import express from 'express';

const app = express();
const router = express.Router();

router.get('/hello', async (req, res) => {
  const greeting = { message: 'Hello, world!' };
  res.status(200).send(greeting);
});

app.use(router);

const port = process.env.PORT ?? 3000;
app.listen(port, () => {
  console.log(`Server listening on http://localhost:${port}`);
});
