import { createClient } from '../engine/client';
import { serveLeaderboard } from './leaderboard-host';
import { serveInWorker } from './rpc';

/**
 * The playgrounds' Web Worker entry: the models of lib/leaderboard over the in-browser
 * engine, served through the RPC layer (leaderboard-host.ts lists the methods). Start it
 * with `useWorker('leaderboard')`.
 */
serveInWorker((post) => serveLeaderboard(() => createClient(), post).handle);
