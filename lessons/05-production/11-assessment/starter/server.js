/** Starts the orders service: reads its settings and listens. */
import { createApp } from './app.js';

const config = {
  // TODO: the lesson says what production needs here.
  catalogApiKey: process.env.CATALOG_API_KEY || 'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
};

// The playground picks a free port and passes it in PORT.
const port = process.env.PORT ?? 3000;
createApp(config).listen(port, () => console.log(JSON.stringify({ message: 'listening', port: Number(port) })));
