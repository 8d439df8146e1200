import { COMMANDS } from './command-table';
import { asciiLower, type CommandContext } from './commands/context';
import { Keyspace, type KeyspaceOptions } from './keyspace';
import { ErrorReply, OK, QUEUED, arityError, type Reply } from './reply';

/** Options for an engine: clock, skip-list shape and the ZRANDMEMBER random source. */
export interface EngineOptions extends KeyspaceOptions {
  /** Uniform in [0, 1); defaults to Math.random. */
  random?: () => number;
}

const EXECABORT = new ErrorReply('EXECABORT Transaction discarded because of previous errors.');

/**
 * One Redis "connection" on its own keyspace: dispatches argv arrays to the
 * command table with Redis's arity checks and error texts, and keeps the
 * MULTI queue. `execute` never throws: every failure is an error reply.
 */
export class Engine {
  readonly db: Keyspace;
  private readonly ctx: CommandContext;
  private queue: string[][] | null = null;
  private queueDirty = false;

  constructor(options: EngineOptions = {}) {
    this.db = new Keyspace(options);
    this.ctx = { db: this.db, random: options.random ?? Math.random };
  }

  /** True between MULTI and EXEC/DISCARD. */
  get inTransaction(): boolean {
    return this.queue !== null;
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

  private dispatch(argv: string[]): Reply {
    if (argv.length === 0)
      return new ErrorReply("ERR unknown command '', with args beginning with: ");
    const name = asciiLower(argv[0]!);
    const spec = COMMANDS.get(name);
    if (spec === undefined) return this.reject(unknownCommand(argv));
    const argc = argv.length;
    if ((spec.arity > 0 && argc !== spec.arity) || argc < -spec.arity) {
      return this.reject(arityError(name));
    }
    if (name === 'object') {
      const err = objectPrecheck(argv);
      if (err) return this.reject(err);
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
      return OK;
    }
    if (this.queue !== null) {
      this.queue.push(argv);
      return QUEUED;
    }
    return spec.handler!(this.ctx, argv);
  }

  private exec(): Reply {
    const queue = this.queue;
    if (queue === null) return new ErrorReply('ERR EXEC without MULTI');
    this.queue = null;
    if (this.queueDirty) return EXECABORT;
    return queue.map((argv) => this.execute(argv));
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

/** OBJECT is a container command: its subcommand and arity are checked before queuing. */
function objectPrecheck(argv: string[]): ErrorReply | null {
  const sub = argv[1]!;
  if (asciiLower(sub) !== 'encoding') {
    return new ErrorReply(
      `ERR unknown subcommand '${sub.slice(0, 128)}'. Try OBJECT HELP.`.replace(/[\r\n]/g, ' '),
    );
  }
  return argv.length === 3 ? null : arityError('object|encoding');
}
