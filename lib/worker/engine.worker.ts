import { CONSOLE_SCRIPT_TIME_LIMIT_MS, serveEngine } from './engine-host';
import { serveInWorker } from './rpc';

/**
 * The engine's Web Worker entry: one engine per worker, served through the RPC layer
 * (engine-host.ts lists the methods). Start it with `useWorker('engine')`.
 */
serveInWorker(
  (post) => serveEngine(post, { scriptTimeLimitMs: CONSOLE_SCRIPT_TIME_LIMIT_MS }).handle,
);
