import { ErrorReply, type Reply } from '../reply';
import { LuaRuntime, LuaScriptState, type RawLua } from './lua-state';
import { sha1hex } from './sha1';

/**
 * Scripting for one engine: the script cache (SCRIPT LOAD / EXISTS / FLUSH)
 * and a Lua state created on first use. The WebAssembly Lua VM itself is
 * shared by every engine in the process and fetched only when a script is
 * first about to run (Engine.prepare), never at start-up: readers who never
 * type EVAL never download it.
 */

/** Limits and where to find the VM. */
export interface ScriptOptions {
  /**
   * Milliseconds a script that has written may run before it is stopped (default 5,000).
   * Redis itself never stops such a script (SCRIPT KILL answers UNKILLABLE); a tab must.
   */
  scriptTimeLimitMs?: number;
  /**
   * Milliseconds after which a script that has not written is stopped, as a SCRIPT KILL sent
   * once Redis starts answering BUSY would stop it (default: Redis's 5,000-ms busy threshold,
   * or the time limit if that is shorter).
   */
  scriptKillAfterMs?: number;
  /** Bytes of Lua heap per engine (default 64 MiB). */
  scriptMemoryLimitBytes?: number;
}

export const DEFAULT_SCRIPT_TIME_LIMIT_MS = 5000;
export const DEFAULT_SCRIPT_MEMORY_LIMIT_BYTES = 64 * 1024 * 1024;

let runtime: LuaRuntime | null = null;
let loading: Promise<LuaRuntime> | null = null;
let wasmLocation: string | undefined;

/**
 * Where the browser fetches wasmoon's glue.wasm from (the worker sets it to
 * the bundler's URL for the file). Node finds it next to the package.
 */
export function setLuaWasmLocation(url: string | undefined): void {
  wasmLocation = url;
}

/** Loads the Lua VM once per process; later calls share it. */
export function loadLuaRuntime(): Promise<LuaRuntime> {
  loading ??= import('wasmoon')
    .then(({ LuaWasm }) => LuaWasm.initialize(wasmLocation))
    .then((wasm) => {
      runtime = new LuaRuntime(wasm.module as unknown as RawLua);
      return runtime;
    })
    .catch((e: unknown) => {
      loading = null;
      throw e;
    });
  return loading;
}

/** What scripts reach of the engine. */
export interface ScriptHost {
  call(argv: string[]): Reply;
  writes(): number;
}

export class ScriptingState {
  private readonly cache = new Map<string, string>();
  private state: LuaScriptState | null = null;
  private readonly timeLimitMs: number;
  private readonly killAfterMs: number;
  private readonly memoryLimitBytes: number;

  constructor(options: ScriptOptions = {}) {
    this.timeLimitMs = options.scriptTimeLimitMs ?? DEFAULT_SCRIPT_TIME_LIMIT_MS;
    this.killAfterMs = Math.min(
      options.scriptKillAfterMs ?? DEFAULT_SCRIPT_TIME_LIMIT_MS,
      this.timeLimitMs,
    );
    this.memoryLimitBytes = options.scriptMemoryLimitBytes ?? DEFAULT_SCRIPT_MEMORY_LIMIT_BYTES;
  }

  /** True once the VM is loaded (in this process). */
  get ready(): boolean {
    return runtime !== null;
  }

  /** Whether a command (lowercase name) would need the VM. */
  needsVm(name: string, argv: readonly string[]): boolean {
    if (name === 'eval' || name === 'evalsha') return true;
    return name === 'script' && argv.length > 1 && argv[1]!.toLowerCase() === 'load';
  }

  /** Loads the VM. */
  async load(): Promise<void> {
    await loadLuaRuntime();
  }

  private lua(): LuaScriptState | ErrorReply {
    if (this.state !== null) return this.state;
    if (runtime === null) {
      return new ErrorReply(
        'ERR the Lua VM is not loaded yet: await engine.prepare(argv) before running scripts',
      );
    }
    this.state = new LuaScriptState(runtime, {
      timeLimitMs: this.timeLimitMs,
      killAfterMs: this.killAfterMs,
      memoryLimitBytes: this.memoryLimitBytes,
    });
    return this.state;
  }

  /** Recent bodies → SHA: EVAL hashes its body on every call, a cache saves the SHA-1. */
  private readonly shaOf = new Map<string, string>();

  /** SCRIPT LOAD, and the first half of EVAL: caches and compiles; returns the SHA. */
  load_(body: string): string | ErrorReply {
    let sha = this.shaOf.get(body);
    if (sha === undefined) {
      sha = sha1hex(body);
      if (this.shaOf.size >= 256) this.shaOf.clear();
      this.shaOf.set(body, sha);
    }
    const lua = this.lua();
    if (lua instanceof ErrorReply) return lua;
    if (!lua.has(sha)) {
      const r = lua.compile(sha, body);
      if (!r.ok) return new ErrorReply(r.error);
    }
    this.cache.set(sha, body);
    return sha;
  }

  /** True when `sha` (lowercase) is in the cache. */
  exists(sha: string): boolean {
    return this.cache.has(sha);
  }

  /** Runs the cached script `sha`. */
  run(sha: string, keys: string[], args: string[], host: ScriptHost): Reply {
    const body = this.cache.get(sha);
    if (body === undefined) return new ErrorReply('NOSCRIPT No matching script. Please use EVAL.');
    const lua = this.lua();
    if (lua instanceof ErrorReply) return lua;
    if (!lua.has(sha)) {
      const r = lua.compile(sha, body);
      if (!r.ok) return new ErrorReply(r.error);
    }
    return lua.run(sha, keys, args, host);
  }

  /** SCRIPT FLUSH: forgets every script and starts a fresh Lua state. */
  flush(): void {
    this.cache.clear();
    this.state?.close();
    this.state = null;
  }
}
