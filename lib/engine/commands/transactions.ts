import { OK } from '../reply';
import type { Handler } from './context';

/*
 * WATCH and UNWATCH (multi.c). The engine is a single connection, so the
 * writes that can invalidate a watch are its own, as they are in Redis for a
 * client that writes a key it watches before EXEC.
 */

/** WATCH key [key …] (refused inside MULTI by the engine) */
export const watch: Handler = (ctx, argv) => {
  for (let i = 1; i < argv.length; i++) ctx.db.watch(argv[i]!);
  return OK;
};

/** UNWATCH */
export const unwatch: Handler = (ctx) => {
  ctx.db.unwatch();
  return OK;
};
