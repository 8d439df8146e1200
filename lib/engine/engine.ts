import { COMMANDS } from './command-table';
import { asciiLower, type CommandContext } from './commands/context';
import { Keyspace, type KeyspaceOptions } from './keyspace';
import { ErrorReply, OK, QUEUED, arityError, type Reply } from './reply';
import { ScriptingState, type ScriptOptions } from './scripting';

/** Options for an engine: clock, skip-list shape, random source and script limits. */
export interface EngineOptions extends KeyspaceOptions, ScriptOptions {
  /** Uniform in [0, 1); defaults to Math.random. */
  random?: () => number;
}

const EXECABORT = new ErrorReply('EXECABORT Transaction discarded because of previous errors.');

/**
 * Container commands: their subcommands and each one's arity. Like Redis,
 * the engine checks the subcommand and its arity before MULTI queues it.
 */
const SUBCOMMANDS: ReadonlyMap<string, ReadonlyMap<string, number>> = new Map([
  [
    'object',
    new Map([
      ['encoding', 3],
      ['freq', 3],
      ['idletime', 3],
      ['refcount', 3],
      ['help', 2],
    ]),
  ],
  [
    'memory',
    new Map([
      ['usage', -3],
      ['doctor', 2],
      ['stats', 2],
      ['malloc-stats', 2],
      ['purge', 2],
      ['help', 2],
    ]),
  ],
  [
    'script',
    new Map([
      ['load', 3],
      ['exists', -3],
      ['flush', -2],
      ['kill', 2],
      ['debug', 3],
      ['help', 2],
    ]),
  ],
]);

/** Commands refused inside MULTI with Redis's texts, rather than queued. */
const NO_MULTI = new Set(['watch']);

/**
 * One Redis "connection" on its own keyspace: dispatches argv arrays (byte
 * strings, see bytes.ts) to the command table with Redis's arity checks and
 * error texts, keeps the MULTI queue and WATCHed keys, and runs Lua scripts
 * (see scripting.ts). `execute` never throws: every failure is an error reply.
 */
export class Engine {
  readonly db: Keyspace;
  private readonly ctx: CommandContext;
  private readonly scripting: ScriptingState;
  private queue: string[][] | null = null;
  private queueDirty = false;

  constructor(options: EngineOptions = {}) {
    this.db = new Keyspace(options);
    this.scripting = new ScriptingState(options);
    this.ctx = {
      db: this.db,
      random: options.random ?? Math.random,
      inTransaction: false,
      inScript: false,
      scripting: this.scripting,
      call: (argv) => this.callFromScript(argv),
    };
  }

  /** True between MULTI and EXEC/DISCARD. */
  get inTransaction(): boolean {
    return this.queue !== null;
  }

  /**
   * Resolves once everything `argv` needs is loaded: the Lua VM is fetched
   * the first time a script is about to run (EVAL, EVALSHA, SCRIPT LOAD, or
   * an EXEC whose queue holds one), never before. Returns null when nothing
   * needs loading, so callers can stay synchronous in the common case.
   */
  prepare(argv: readonly string[]): Promise<void> | null {
    if (this.scripting.ready) return null;
    const name = argv.length > 0 ? asciiLower(argv[0]!) : '';
    let needed = this.scripting.needsVm(name, argv);
    if (!needed && name === 'exec' && this.queue !== null) {
      needed = this.queue.some((q) => this.scripting.needsVm(asciiLower(q[0]!), q));
    }
    return needed ? this.scripting.load() : null;
  }

  /**
   * Runs one command (argv[0] is the name, any case) and returns its reply.
   * Complexity: the command's own. Unknown commands, wrong arity and any
   * internal failure come back as error replies, never exceptions.
   */
  execute(argv: string[]): Reply {
    try {
      return this.dispatch(argv);
    } catch (e) {
      return new ErrorReply(
        `ERR internal engine error: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }

  private reject(err: ErrorReply): ErrorReply {
    if (this.queue !== null) this.queueDirty = true;
    return err;
  }

  /** Name, arity and subcommand checks (processCommand); null when the command may run. */
  private check(argv: string[]): ErrorReply | null {
    if (argv.length === 0)
      return new ErrorReply("ERR unknown command '', with args beginning with: ");
    const name = asciiLower(argv[0]!);
    const spec = COMMANDS.get(name);
    if (spec === undefined) return unknownCommand(argv);
    const argc = argv.length;
    if ((spec.arity > 0 && argc !== spec.arity) || argc < -spec.arity) return arityError(name);
    const subs = SUBCOMMANDS.get(name);
    if (subs !== undefined) {
      const subName = asciiLower(argv[1]!);
      const arity = subs.get(subName);
      if (arity === undefined) {
        return new ErrorReply(
          `ERR unknown subcommand '${argv[1]!.slice(0, 128)}'. Try ${name.toUpperCase()} HELP.`.replace(
            /[\r\n]/g,
            ' ',
          ),
        );
      }
      if ((arity > 0 && argc !== arity) || argc < -arity) return arityError(`${name}|${subName}`);
    }
    return null;
  }

  private dispatch(argv: string[]): Reply {
    const err = this.check(argv);
    const name = argv.length > 0 ? asciiLower(argv[0]!) : '';
    if (err !== null) {
      // A malformed EXEC discards the transaction (execCommandAbort), even outside MULTI.
      if (name === 'exec') {
        this.queue = null;
        this.db.unwatch();
        return new ErrorReply(
          `EXECABORT Transaction discarded because of: ${err.message.slice(4)}`,
        );
      }
      return this.reject(err);
    }
    if (name === 'multi') {
      if (this.queue !== null) return new ErrorReply('ERR MULTI calls can not be nested');
      this.queue = [];
      this.queueDirty = false;
      return OK;
    }
    if (name === 'exec') return this.exec();
    if (name === 'discard') {
      if (this.queue === null) return new ErrorReply('ERR DISCARD without MULTI');
      this.queue = null;
      this.db.unwatch();
      return OK;
    }
    if (this.queue !== null) {
      if (NO_MULTI.has(name)) return new ErrorReply('ERR WATCH inside MULTI is not allowed');
      this.queue.push(argv);
      return QUEUED;
    }
    return COMMANDS.get(name)!.handler!(this.ctx, argv);
  }

  private exec(): Reply {
    const queue = this.queue;
    if (queue === null) return new ErrorReply('ERR EXEC without MULTI');
    this.queue = null;
    const failed = this.db.watchFailed;
    this.db.unwatch();
    if (this.queueDirty) return EXECABORT;
    if (failed) return null;
    this.ctx.inTransaction = true;
    try {
      return queue.map((argv) => this.execute(argv));
    } finally {
      this.ctx.inTransaction = false;
    }
  }

  /**
   * redis.call from a script: the same checks as a client command, minus
   * what scripts may not do (MULTI/EXEC, scripts inside scripts, blocking).
   */
  private callFromScript(argv: string[]): Reply {
    const name = asciiLower(argv[0]!);
    const err = this.check(argv);
    if (err !== null) {
      // Scripts get their own texts for the checks a client's command would fail.
      if (err.message.startsWith('ERR wrong number of arguments')) {
        return new ErrorReply('ERR Wrong number of args calling Redis command from script');
      }
      return new ErrorReply('ERR Unknown Redis command called from script');
    }
    const spec = COMMANDS.get(name)!;
    if (spec.noScript) return new ErrorReply('ERR This Redis command is not allowed from script');
    const saved = this.ctx.inScript;
    this.ctx.inScript = true;
    try {
      return spec.handler!(this.ctx, argv);
    } finally {
      this.ctx.inScript = saved;
    }
  }
}

/** Redis 7.0's unknown-command text: the name and up to 128 bytes of arguments, quoted. */
function unknownCommand(argv: string[]): ErrorReply {
  let args = '';
  for (let i = 1; i < argv.length && args.length < 128; i++) {
    args += `'${argv[i]!.slice(0, 128 - args.length)}' `;
  }
  const text = `ERR unknown command '${argv[0]!.slice(0, 128)}', with args beginning with: ${args}`;
  return new ErrorReply(text.replace(/[\r\n]/g, ' '));
}
