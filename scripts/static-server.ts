// A static server for the exported site (out/), used by `npm start`, the browser tests
// and the Lighthouse run. serve-handler (the library behind `serve`) does the HTTP work;
// this only fixes the options the export needs: trailing slashes and the 404 page, and
// gzips responses as any real static host does (Lighthouse measures transfer sizes).
import http from 'node:http';
import path from 'node:path';
import compression from 'compression';
import handler from 'serve-handler';

export interface StaticServer {
  /** The origin, e.g. http://127.0.0.1:41234 (localhost when listening on every interface). */
  url: string;
  close: () => Promise<void>;
}

/** Starts serving `root` on `port` (0 picks a free port), on the loopback interface by default. */
export function startStaticServer({
  root = path.resolve('out'),
  port = 0,
  host = '127.0.0.1',
}: { root?: string; port?: number; host?: string } = {}): Promise<StaticServer> {
  // compression is Connect middleware: its types name Express's request and response, but
  // it uses only what Node's own objects have.
  const compress = compression() as unknown as (
    request: http.IncomingMessage,
    response: http.ServerResponse,
    next: () => void,
  ) => void;
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
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
