// A static server for the exported site (out/), used by `npm start`, the browser tests
// and the Lighthouse run. serve-handler (the library behind `serve`) does the HTTP work;
// this only fixes the options the export needs: trailing slashes and the 404 page, and
// gzips responses as any real static host does (Lighthouse measures transfer sizes).
// A build made with BASE_PATH=/lab is served under /lab/, as a static host publishing it at
// a sub-path would: `/` redirects there, and anything outside it is the 404 page.
import http from 'node:http';
import path from 'node:path';
import compression from 'compression';
import handler from 'serve-handler';

export interface StaticServer {
  /** The origin, e.g. http://127.0.0.1:41234 (localhost when listening on every interface). */
  url: string;
  /** Where the site's home page is: the origin plus the base path, without a trailing slash. */
  siteUrl: string;
  close: () => Promise<void>;
}

/** `/lab/` or `lab` → `/lab`; `''` and `/` → `''` (the root). */
export function normaliseBasePath(value: string | undefined): string {
  const trimmed = (value ?? '').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}` : '';
}

/**
 * Starts serving `root` on `port` (0 picks a free port), on the loopback interface by
 * default, under `basePath` (the BASE_PATH the export was built with; default the root).
 */
export function startStaticServer({
  root = path.resolve('out'),
  port = 0,
  host = '127.0.0.1',
  basePath = '',
}: { root?: string; port?: number; host?: string; basePath?: string } = {}): Promise<StaticServer> {
  const base = normaliseBasePath(basePath);
  // compression is Connect middleware: its types name Express's request and response, but
  // it uses only what Node's own objects have.
  const compress = compression() as unknown as (
    request: http.IncomingMessage,
    response: http.ServerResponse,
    next: () => void,
  ) => void;
  const server = http.createServer((request, response) => {
    if (base) {
      const url = request.url ?? '/';
      const [pathname = '/', query] = url.split(/\?(.*)/s, 2);
      if (pathname === '/' || pathname === base) {
        response.writeHead(302, { Location: `${base}/${query ? `?${query}` : ''}` });
        response.end();
        return;
      }
      // Outside the base path nothing exists; serve-handler answers with the 404 page.
      request.url = pathname.startsWith(`${base}/`) ? url.slice(base.length) : `/.outside${url}`;
      // serve-handler's own redirects (adding a trailing slash) name the stripped path. The
      // compression middleware turns writeHead's header object into setHeader calls, so the
      // Location is fixed there, whichever way it arrives.
      const setHeader = response.setHeader.bind(response);
      response.setHeader = (name, value) =>
        setHeader(
          name,
          name.toLowerCase() === 'location' && typeof value === 'string' && value.startsWith('/')
            ? base + value
            : value,
        );
      const writeHead = response.writeHead.bind(response) as (
        ...args: unknown[]
      ) => http.ServerResponse;
      response.writeHead = ((status: number, ...rest: unknown[]) => {
        const headers = rest.find((r) => typeof r === 'object' && r !== null) as
          Record<string, string> | undefined;
        if (headers?.Location?.startsWith('/')) headers.Location = base + headers.Location;
        return writeHead(status, ...rest);
      }) as typeof response.writeHead;
    }
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
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const origin = `http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}`;
      resolve({
        url: origin,
        siteUrl: origin + base,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
