// `npm start` and `npm run serve`: serve the static export in out/.
//   npm start          checks the port, builds (`npm run build`), then serves;
//   npm run serve      serves the last build as it is, without rebuilding.
// The port is PORT (default 3000) or --port; the server listens on loopback (127.0.0.1)
// unless HOST or --host asks for another interface (HOST=0.0.0.0 to reach it from the
// network). A busy port is found before the build, not after a minute of it.
// A build made with BASE_PATH=/lab is served under /lab/ (BASE_PATH or --base-path), the way
// a static host publishing it at that sub-path would serve it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { normaliseBasePath, startStaticServer } from './static-server';

const USAGE = `usage: npm start | npm run serve [-- --port 3000 --host 127.0.0.1]
  --build        build first (what \`npm start\` does); without it, serve the last build
  --port N       port to listen on (default: PORT, else 3000)
  --host ADDR    interface to listen on (default: HOST, else 127.0.0.1; 0.0.0.0 for all)
  --root DIR     directory to serve (default: out)
  --base-path P  serve the export under the sub-path P, e.g. /lab (default: BASE_PATH, the
                 same variable the build reads; the build must have been made with it)`;

const { values } = parseArgs({
  options: {
    build: { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
    root: { type: 'string', default: 'out' },
    'base-path': { type: 'string', default: process.env.BASE_PATH ?? '' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve: the port must be a whole number from 0 to 65535, not "${values.port}".`);
  process.exit(2);
}
const { host } = values;
const root = path.resolve(values.root);
const basePath = normaliseBasePath(values['base-path']);

/** Why `port` on `host` cannot be listened on, in words; null when it can. */
function portProblem(): Promise<string | null> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        resolve(
          `Port ${port} is already in use on ${host}: another server (an earlier \`npm start\`?) is running there.\n` +
            `Stop it, or pick another port: PORT=${port === 3000 ? 3001 : port + 1} npm start`,
        );
      } else if (error.code === 'EACCES') {
        resolve(
          `Port ${port} needs more privileges than this user has: pick one above 1023, e.g. PORT=3000 npm start`,
        );
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        resolve(
          `This machine has no interface ${host}: try HOST=127.0.0.1 (this machine only) or HOST=0.0.0.0 (every interface).`,
        );
      } else {
        resolve(`Cannot listen on ${host}:${port}: ${error.message}`);
      }
    });
    probe.listen(port, host, () => probe.close(() => resolve(null)));
  });
}

const problem = await portProblem();
if (problem) {
  console.error(problem);
  process.exit(1);
}
if (values.build) {
  const build = spawnSync('npm', ['run', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, BASE_PATH: basePath },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
if (!existsSync(path.join(root, 'index.html'))) {
  console.error(
    `${path.relative(process.cwd(), root) || root}/ has no build: run \`npm start\` (which builds) or \`npm run build\` first.`,
  );
  process.exit(1);
}
try {
  const { siteUrl } = await startStaticServer({ root, port, host, basePath });
  const shown = siteUrl.replace('//127.0.0.1:', '//localhost:');
  const reach =
    host === '127.0.0.1' || host === 'localhost' || host === '::1'
      ? ' (this machine only; HOST=0.0.0.0 to serve the network)'
      : '';
  console.log(`Leaderboard Lab is served at ${shown}/${reach}. Ctrl-C to stop.`);
} catch (error) {
  // The port was free a moment ago; something took it during the build.
  console.error(
    `Cannot listen on ${host}:${port}: ${error instanceof Error ? error.message : error}`,
  );
  process.exit(1);
}
