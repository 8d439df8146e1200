import { servePractice } from './practice-host';
import { serveInWorker } from './rpc';

/**
 * The practice room's Web Worker entry: runs of a candidate's design, served through the
 * RPC layer (practice-host.ts lists the methods). Start it with `useWorker('practice')`.
 */
serveInWorker((post) => servePractice(post).handle);
