// `npm start` (after the build) and `npm run serve`: serve out/ on http://localhost:3000.
import { existsSync } from 'node:fs';
import { startStaticServer } from './static-server.mjs';

if (!existsSync('out/index.html')) {
  console.error('out/ has no build: run `npm run build` first (or `npm start`, which builds).');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 3000);
const { url } = await startStaticServer({ port, host: process.env.HOST ?? '0.0.0.0' });
console.log(
  `Leaderboard Lab is served at ${url.replace('127.0.0.1', 'localhost')}/ (Ctrl-C to stop)`,
);
