import { ErrorReply } from './reply';

/**
 * Where the engine refuses work that redis-server would do. Redis happily
 * streams a 200-million-element reply to a client; a browser tab building
 * the same array would run out of memory and lose the reader's session. The
 * limits are far above anything the guide asks for, and each refusal says
 * why in its error text.
 */

/** Most elements one reply may hold: a 2M-member ZRANGE … WITHSCORES fits. */
export const MAX_REPLY_ELEMENTS = 4_194_304;

/** The refusal for a reply that would exceed {@link MAX_REPLY_ELEMENTS}. */
export function replyTooLarge(command: string, elements: number | bigint): ErrorReply {
  return new ErrorReply(
    `ERR ${command.toUpperCase()} would reply with ${elements} elements; this in-browser engine ` +
      `stops at ${MAX_REPLY_ELEMENTS} per reply to keep the tab alive (redis-server would send them all)`,
  );
}
