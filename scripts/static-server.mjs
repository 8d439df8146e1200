// A static server for the exported site (out/), used by `npm start`, the browser tests
// and the Lighthouse run. serve-handler (the library behind `serve`) does the HTTP work;
// this only fixes the options the export needs: trailing slashes and the 404 page, and
// gzips responses as any real static host does (Lighthouse measures transfer sizes).
import http from 'node:http';
import path from 'node:path';
import compression from 'compression';
import handler from 'serve-handler';

/**
 * Starts serving `root` on `port` (0 picks a free port) on the loopback interface.
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function startStaticServer({
  root = path.resolve('out'),
  port = 0,
  host = '127.0.0.1',
} = {}) {
  const compress = compression();
  const server = http.createServer((request, response) =>
    compress(request, response, () =>
      handler(request, response, {
        public: root,
        trailingSlash: true,
        // cleanUrls also resolves a directory to its index.html.
        cleanUrls: true,
        directoryListing: false,
        headers: [
          {
            source: '_next/static/**',
            headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }],
          },
        ],
      }),
    ),
  );
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
