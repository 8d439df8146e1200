import { stringEncoding } from '../keyspace';
import { ErrorReply, StatusReply, arityError } from '../reply';
import { type Handler, isOption } from './context';

/* Connection and introspection commands. */

/** PING [message] */
export const ping: Handler = (_ctx, argv) => {
  if (argv.length > 2) return arityError('ping');
  return argv.length === 2 ? argv[1]! : new StatusReply('PONG');
};

/** ECHO message */
export const echo: Handler = (_ctx, argv) => argv[1]!;

/** OBJECT ENCODING key: the encoding Redis 7.0 would report for the value. */
export const object: Handler = (ctx, argv) => {
  const sub = argv[1]!;
  if (!isOption(sub, 'encoding')) {
    return new ErrorReply(`ERR unknown subcommand '${sub.slice(0, 128)}'. Try OBJECT HELP.`);
  }
  if (argv.length !== 3) return arityError('object|encoding');
  const v = ctx.db.get(argv[2]!);
  if (v === undefined) return null;
  if (v.type === 'string') return stringEncoding(v.value);
  return v.encoding;
};
