import { parseLongLong } from '../numbers';
import { ERR_NOT_INTEGER, ErrorReply, OK, StatusReply, type Reply } from '../reply';
import { type CommandContext, type Handler, isOption } from './context';

/* EVAL, EVALSHA and SCRIPT (eval.c in Redis 7.0); the Lua side is in scripting/. */

function evalGeneric(ctx: CommandContext, argv: string[], bySha: boolean): Reply {
  const numkeys = parseLongLong(argv[2]!);
  if (numkeys === null) return ERR_NOT_INTEGER;
  if (numkeys > BigInt(argv.length - 3)) {
    return new ErrorReply("ERR Number of keys can't be greater than number of args");
  }
  if (numkeys < 0n) return new ErrorReply("ERR Number of keys can't be negative");
  const n = Number(numkeys);
  const keys = argv.slice(3, 3 + n);
  const args = argv.slice(3 + n);
  let sha: string;
  if (bySha) {
    sha = argv[1]!.toLowerCase();
    if (!ctx.scripting.exists(sha)) {
      return new ErrorReply('NOSCRIPT No matching script. Please use EVAL.');
    }
  } else {
    const loaded = ctx.scripting.load_(argv[1]!);
    if (loaded instanceof ErrorReply) return loaded;
    sha = loaded;
  }
  return ctx.scripting.run(sha, keys, args, { call: ctx.call, writes: () => ctx.db.writes });
}

/** EVAL script numkeys [key …] [arg …] */
export const evalCommand: Handler = (ctx, argv) => evalGeneric(ctx, argv, false);

/** EVALSHA sha1 numkeys [key …] [arg …] */
export const evalsha: Handler = (ctx, argv) => evalGeneric(ctx, argv, true);

const SCRIPT_HELP = [
  'SCRIPT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'DEBUG (YES|SYNC|NO)',
  '    Set the debug mode for subsequent scripts executed.',
  'EXISTS <sha1> [<sha1> ...]',
  '    Return information about the existence of the scripts in the script cache.',
  'FLUSH [ASYNC|SYNC]',
  '    Flush the Lua scripts cache. Very dangerous on replicas.',
  '    When called without the optional mode argument, the behavior is determined by the',
  '    lazyfree-lazy-user-flush configuration directive. Valid modes are:',
  '    * ASYNC: Asynchronously flush the scripts cache.',
  '    * SYNC: Synchronously flush the scripts cache.',
  'KILL',
  '    Kill the currently executing Lua script.',
  'LOAD <script>',
  '    Load a script into the scripts cache without executing it.',
  'HELP',
  '    Prints this help.',
];

/** SCRIPT LOAD|EXISTS|FLUSH|KILL|HELP (subcommand arity is checked by the engine). */
export const script: Handler = (ctx, argv) => {
  const sub = argv[1]!;
  if (isOption(sub, 'help')) return SCRIPT_HELP.map((l) => new StatusReply(l));
  if (isOption(sub, 'load')) return ctx.scripting.load_(argv[2]!);
  if (isOption(sub, 'exists')) {
    return argv.slice(2).map((sha) => (ctx.scripting.exists(sha.toLowerCase()) ? 1 : 0));
  }
  if (isOption(sub, 'flush')) {
    if (
      argv.length > 3 ||
      (argv.length === 3 && !isOption(argv[2]!, 'sync') && !isOption(argv[2]!, 'async'))
    ) {
      return new ErrorReply('ERR SCRIPT FLUSH only support SYNC|ASYNC option');
    }
    ctx.scripting.flush();
    return OK;
  }
  if (isOption(sub, 'kill')) return new ErrorReply('NOTBUSY No scripts in execution right now.');
  return new ErrorReply(
    'ERR SCRIPT DEBUG needs a debugging client; this engine runs scripts without the Lua debugger',
  );
};
