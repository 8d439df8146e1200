import { ErrorReply, StatusReply, type Reply } from '../reply';
import { formatScore } from '../numbers';
import { sha1hex } from './sha1';

/**
 * One Lua interpreter for EVAL, on wasmoon (Lua 5.4 compiled to
 * WebAssembly), driven through its raw C API so values cross as bytes and
 * nothing is converted twice. It reproduces what Redis 7.0's scripting layer
 * adds around Lua (script_lua.c, eval.c): the `redis` table, KEYS and ARGV,
 * read-only globals, Redis's math.random, the conversion rules between Lua
 * values and replies, and the error texts. Two guards Redis does not have
 * keep a tab alive: a time limit checked from a count hook (like SCRIPT KILL,
 * it also fires inside pcall), and a memory cap enforced by the allocator.
 */

/** The part of wasmoon's Emscripten module this file uses (its raw exports). */
export interface RawLua {
  HEAPU8: Uint8Array;
  HEAPU32: Uint32Array;
  _malloc(size: number): number;
  _free(ptr: number): void;
  _realloc(ptr: number, size: number): number;
  addFunction(fn: (...args: never[]) => unknown, signature: string): number;
  removeFunction(ptr: number): void;
  _lua_newstate(alloc: number, ud: number): number;
  _lua_close(L: number): void;
  _luaL_openlibs(L: number): void;
  _luaL_loadbufferx(L: number, buf: number, size: number, name: number, mode: number): number;
  _lua_pcallk(
    L: number,
    nargs: number,
    nresults: number,
    msgh: number,
    ctx: number,
    k: number,
  ): number;
  _lua_gettop(L: number): number;
  _lua_pushvalue(L: number, idx: number): void;
  _lua_rotate(L: number, idx: number, n: number): void;
  _lua_settop(L: number, idx: number): void;
  _lua_type(L: number, idx: number): number;
  _lua_tolstring(L: number, idx: number, len: number): number;
  _lua_tonumberx(L: number, idx: number, isnum: number): number;
  _lua_tointegerx(L: number, idx: number, isnum: number): bigint;
  _lua_isinteger(L: number, idx: number): number;
  _lua_toboolean(L: number, idx: number): number;
  _lua_pushlstring(L: number, s: number, len: number): number;
  _lua_pushinteger(L: number, n: bigint): void;
  _lua_pushnumber(L: number, n: number): void;
  _lua_pushboolean(L: number, b: number): void;
  _lua_pushnil(L: number): void;
  _lua_pushcclosure(L: number, fn: number, n: number): void;
  _lua_createtable(L: number, narr: number, nrec: number): void;
  _lua_rawseti(L: number, idx: number, n: bigint): void;
  _lua_rawgeti(L: number, idx: number, n: bigint): number;
  _lua_rawset(L: number, idx: number): void;
  _lua_rawget(L: number, idx: number): number;
  _lua_setfield(L: number, idx: number, k: number): void;
  _lua_getfield(L: number, idx: number, k: number): number;
  _lua_error(L: number): number;
  _luaL_where(L: number, level: number): void;
  _lua_sethook(L: number, fn: number, mask: number, count: number): void;
}

const LUA_REGISTRYINDEX = -1001000;
const LUA_RIDX_GLOBALS = 2n;
const T_NIL = 0;
const T_BOOLEAN = 1;
const T_NUMBER = 3;
const T_STRING = 4;
const T_TABLE = 5;
const MASK_LINE = 4;
const MASK_COUNT = 8;
const HOOK_EVERY = 10_000;
const LUA_OK = 0;
const LUA_ERRMEM = 4;

/** What a script's redis.call reaches: the engine's command path for scripts. */
export interface ScriptBridge {
  /** Runs one command for redis.call / redis.pcall. */
  call(argv: string[]): Reply;
  /** Number of writes so far (to tell a killed script that wrote from one that did not). */
  writes(): number;
}

/** Limits for one state. */
export interface LuaLimits {
  /** Wall-clock milliseconds a script that has written may run before it is stopped. */
  timeLimitMs: number;
  /** Wall-clock milliseconds after which a script that has not written is stopped. */
  killAfterMs: number;
  /** Bytes of Lua heap a state may hold. */
  memoryLimitBytes: number;
}

/**
 * Lua code run once per state: Redis 7.0's environment on Lua 5.4. Lua 5.1
 * names that 5.4 dropped are restored (unpack, math.pow); libraries Redis
 * does not load are removed; globals become read-only, with Redis's error
 * texts; and the error handler is Redis's, which records where an error
 * happened so the reply can say "on @user_script:1".
 */
const PRELUDE = `
unpack = table.unpack
-- Lua 5.1 reads numbers with strtod, so tonumber('inf') is math.huge (Redis
-- replies "inf" for infinite scores); 5.4 refuses inf and nan.
local raw_tonumber = tonumber
tonumber = function(v, base)
  local n = raw_tonumber(v, base)
  if n == nil and base == nil and type(v) == 'string' then
    local sign, word = v:lower():match('^%s*([+-]?)(%a+)%s*$')
    if word == 'inf' or word == 'infinity' then return sign == '-' and -math.huge or math.huge end
    if word == 'nan' then return 0/0 end
  end
  return n
end
math.pow = function(x, y) return x ^ y end
math.mod = math.fmod
io, os, package, require, utf8, dofile, loadfile = nil, nil, nil, nil, nil, nil, nil
local dbg = debug
local known_nil = { loadstring = true, dofile = true, loadfile = true, print = false }
print = function() end
redis.error_reply = function(e)
  if type(e) ~= 'string' then return redis.__error('wrong number or type of arguments') end
  return redis.__errtable(e)
end
redis.status_reply = function(s)
  if type(s) ~= 'string' then return redis.__error('wrong number or type of arguments') end
  return { ok = s }
end
redis.log = function() end
redis.LOG_DEBUG, redis.LOG_VERBOSE, redis.LOG_NOTICE, redis.LOG_WARNING = 0, 1, 2, 3
redis.REPL_NONE, redis.REPL_AOF, redis.REPL_SLAVE, redis.REPL_REPLICA, redis.REPL_ALL = 0, 1, 2, 2, 3
redis.set_repl = function() end
redis.replicate_commands = function() return true end
redis.breakpoint = function() return false end
redis.debug = function() end
redis.setresp = function(v)
  if v ~= 2 then error('RESP3 replies are not supported by this engine') end
end
redis.REDIS_VERSION = '7.0.15'
redis.REDIS_VERSION_NUM = 458767
local handler = function(err)
  local level = 2
  local i = dbg.getinfo(level, 'nSl')
  while i and (i.what == 'C' or i.source == '=prelude') do
    level = level + 1
    i = dbg.getinfo(level, 'nSl')
  end
  if type(err) ~= 'table' then err = { err = 'ERR ' .. tostring(err) } end
  if i then
    err.source = i.source
    err.line = i.currentline
  end
  return err
end
debug = nil
setmetatable(_G, {
  __index = function(_, name)
    if known_nil[name] then return nil end
    error("Script attempted to access nonexistent global variable '" .. tostring(name) .. "'", 2)
  end,
  __newindex = function() error('Attempt to modify a readonly table', 2) end,
})
return handler
`;

/** A module instance (the compiled WebAssembly) shared by every state. */
export class LuaRuntime {
  private readonly scratch: { ptr: number; size: number };
  private readonly lenPtr: number;
  private readonly names = new Map<string, number>();

  constructor(readonly m: RawLua) {
    this.scratch = { ptr: m._malloc(4096), size: 4096 };
    this.lenPtr = m._malloc(8);
  }

  /** A NUL-terminated C string allocated once per distinct name. */
  cname(name: string): number {
    let p = this.names.get(name);
    if (p === undefined) {
      p = this.m._malloc(name.length + 1);
      for (let i = 0; i < name.length; i++) this.m.HEAPU8[p + i] = name.charCodeAt(i);
      this.m.HEAPU8[p + name.length] = 0;
      this.names.set(name, p);
    }
    return p;
  }

  /** Copies a byte string into wasm memory (a reused buffer); returns its address. */
  bytes(s: string): number {
    const m = this.m;
    if (s.length > this.scratch.size) {
      m._free(this.scratch.ptr);
      this.scratch.size = Math.max(s.length, this.scratch.size * 2);
      this.scratch.ptr = m._malloc(this.scratch.size);
    }
    const heap = m.HEAPU8;
    const p = this.scratch.ptr;
    for (let i = 0; i < s.length; i++) heap[p + i] = s.charCodeAt(i);
    return p;
  }

  pushBytes(L: number, s: string): void {
    this.m._lua_pushlstring(L, this.bytes(s), s.length);
  }

  /** The string (or number, converted in place as Lua does) at `idx`, as bytes. */
  toBytes(L: number, idx: number): string | null {
    const m = this.m;
    const p = m._lua_tolstring(L, idx, this.lenPtr);
    if (p === 0) return null;
    const n = m.HEAPU32[this.lenPtr >> 2]!;
    const heap = m.HEAPU8;
    if (n < 4096)
      return String.fromCharCode.apply(null, heap.subarray(p, p + n) as unknown as number[]);
    let s = '';
    for (let i = 0; i < n; i += 4096) {
      s += String.fromCharCode.apply(
        null,
        heap.subarray(p + i, p + Math.min(n, i + 4096)) as unknown as number[],
      );
    }
    return s;
  }
}

/** Redis's PRNG for math.random (rand.c: the 48-bit lrand48 LCG), seeded with 0. */
class Lrand48 {
  private x = 0x330en;
  seed(n: number): void {
    this.x = ((BigInt(Math.trunc(n)) & 0xffffffffn) << 16n) | 0x330en;
  }
  next(): number {
    this.x = (this.x * 0x5deece66dn + 0xbn) & 0xffffffffffffn;
    return Number(this.x >> 17n);
  }
}

const LRAND48_MAX = 2147483647;

/** Outcome of compiling a script body. */
export type CompileResult = { ok: true } | { ok: false; error: string };

/**
 * One Lua state: compiled scripts by SHA, and the current call's bridge.
 * Not re-entrant (scripts cannot call EVAL), like Redis's.
 */
export class LuaScriptState {
  private readonly L: number;
  private readonly m: RawLua;
  private readonly fns: number[] = [];
  private bridge: ScriptBridge | null = null;
  private deadline = 0;
  private killAt = 0;
  private killed = false;
  private memoryUsed = 0;
  private readonly allocator: number;
  private readonly random = new Lrand48();
  private readonly compiled = new Set<string>();
  private closed = false;
  private hook = 0;

  constructor(
    private readonly rt: LuaRuntime,
    private readonly limits: LuaLimits,
  ) {
    const m = rt.m;
    this.m = m;
    // The allocator Lua calls for every block: refuses growth past the cap.
    this.allocator = m.addFunction(
      ((_ud: number, ptr: number, oldSize: number, newSize: number) => {
        if (newSize === 0) {
          if (ptr) {
            this.memoryUsed -= oldSize;
            m._free(ptr);
          }
          return 0;
        }
        const delta = ptr ? newSize - oldSize : newSize;
        if (delta > 0 && this.memoryUsed + delta > this.limits.memoryLimitBytes) return 0;
        const out = m._realloc(ptr, newSize);
        if (out) this.memoryUsed += delta;
        return out;
      }) as never,
      'iiiii',
    );
    const L = m._lua_newstate(this.allocator, 0);
    if (!L) throw new Error('Lua state could not be created');
    this.L = L;
    m._luaL_openlibs(L);
    this.installRedisTable();
    this.installMath();
    const r = this.loadChunk(PRELUDE, '=prelude');
    if (r !== LUA_OK || m._lua_pcallk(L, 0, 1, 0, 0, 0) !== LUA_OK) {
      throw new Error(`Lua prelude failed: ${rt.toBytes(L, -1)}`);
    }
    // The error handler stays in the registry.
    m._lua_setfield(L, LUA_REGISTRYINDEX, rt.cname('__redis_err_handler'));
    m._lua_createtable(L, 0, 0);
    m._lua_setfield(L, LUA_REGISTRYINDEX, rt.cname('__redis_scripts'));
    this.hook = m.addFunction(((L2: number) => this.onHook(L2)) as never, 'vii');
    this.fns.push(this.hook);
    m._lua_sethook(L, this.hook, MASK_COUNT, HOOK_EVERY);
  }

  private fn(f: (L: number) => number): number {
    const p = this.m.addFunction(f as never, 'ii');
    this.fns.push(p);
    return p;
  }

  private loadChunk(code: string, name: string): number {
    return this.m._luaL_loadbufferx(
      this.L,
      this.rt.bytes(code),
      code.length,
      this.rt.cname(name),
      0,
    );
  }

  private setField(name: string, fn: (L: number) => number): void {
    this.m._lua_pushcclosure(this.L, this.fn(fn), 0);
    this.m._lua_setfield(this.L, -2, this.rt.cname(name));
  }

  /** Pushes Redis's error table {err = "CODE message"} (luaPushErrorBuff). */
  private pushErrorTable(L: number, text: string): void {
    let code = 'ERR';
    let msg = text;
    if (text.startsWith('-')) {
      const sp = text.indexOf(' ');
      if (sp < 0) msg = text.slice(1);
      else {
        code = text.slice(1, sp);
        msg = text.slice(sp + 1);
      }
    }
    msg = msg.replace(/^[\r\n]+|[\r\n]+$/g, '');
    this.m._lua_createtable(L, 0, 1);
    this.rt.pushBytes(L, `${code} ${msg}`);
    this.m._lua_setfield(L, -2, this.rt.cname('err'));
  }

  private installRedisTable(): void {
    const m = this.m;
    const L = this.L;
    m._lua_createtable(L, 0, 16);
    this.setField('call', (L2) => this.redisCall(L2, true));
    this.setField('pcall', (L2) => this.redisCall(L2, false));
    this.setField('sha1hex', (L2) => {
      if (m._lua_gettop(L2) !== 1) {
        this.rt.pushBytes(L2, 'wrong number of arguments');
        return m._lua_error(L2);
      }
      this.rt.pushBytes(L2, sha1hex(this.rt.toBytes(L2, 1) ?? ''));
      return 1;
    });
    this.setField('__errtable', (L2) => {
      const s = this.rt.toBytes(L2, 1) ?? '';
      this.pushErrorTable(L2, s.startsWith('-') ? s : `-${s}`);
      return 1;
    });
    this.setField('__error', (L2) => {
      this.pushErrorTable(L2, this.rt.toBytes(L2, 1) ?? '');
      return 1;
    });
    this.setGlobal('redis');
  }

  /** Pops the value on top of the stack into the global `name`, bypassing the read-only guard. */
  private setGlobal(name: string): void {
    const m = this.m;
    const L = this.L;
    const top = m._lua_gettop(L);
    m._lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    this.rt.pushBytes(L, name);
    m._lua_pushvalue(L, top);
    m._lua_rawset(L, -3);
    m._lua_settop(L, top - 1);
  }

  private installMath(): void {
    const m = this.m;
    const L = this.L;
    m._lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    m._lua_getfield(L, -1, this.rt.cname('math'));
    this.setField('random', (L2) => this.mathRandom(L2));
    this.setField('randomseed', (L2) => {
      this.random.seed(m._lua_tonumberx(L2, 1, 0));
      return 0;
    });
    m._lua_settop(L, -3);
  }

  /** Redis's math.random: Lua 5.1's algorithm over its own lrand48 sequence. */
  private mathRandom(L: number): number {
    const m = this.m;
    const r = (this.random.next() % LRAND48_MAX) / LRAND48_MAX;
    const argc = m._lua_gettop(L);
    if (argc === 0) {
      m._lua_pushnumber(L, r);
      return 1;
    }
    if (argc > 2) return this.softError(L, 'wrong number of arguments');
    const lo = argc === 2 ? Math.trunc(m._lua_tonumberx(L, 1, 0)) : 1;
    const hi = Math.trunc(m._lua_tonumberx(L, argc, 0));
    if (lo > hi) return this.softError(L, `bad argument #${argc} to 'random' (interval is empty)`);
    m._lua_pushinteger(L, BigInt(Math.floor(r * (hi - lo + 1)) + lo));
    return 1;
  }

  /** Raises `message` at the calling script's position, as luaL_error does. */
  private softError(L: number, message: string): number {
    const m = this.m;
    m._luaL_where(L, 1);
    const where = this.rt.toBytes(L, -1) ?? '';
    m._lua_settop(L, -2);
    this.rt.pushBytes(L, where + message);
    return m._lua_error(L);
  }

  private onHook(L: number): void {
    if (!this.killed) {
      const now = performance.now();
      if (now < this.killAt) return;
      // Like Redis: SCRIPT KILL stops a script only until its first write; after that the
      // script runs to its end there, and here to the hard time limit.
      if (now < this.deadline && this.wrote()) return;
      this.killed = true;
      // Fire on every line from now on, so pcall loops cannot swallow the stop.
      this.m._lua_sethook(L, this.hook, MASK_COUNT | MASK_LINE, 1);
    }
    this.rt.pushBytes(L, this.killMessage);
    this.m._lua_error(L);
  }

  private writesBefore = 0;

  private wrote(): boolean {
    return this.bridge !== null && this.bridge.writes() !== this.writesBefore;
  }

  /** What a stopped script answers: Redis's SCRIPT KILL text, or why it could not be Redis's. */
  private get killMessage(): string {
    if (this.wrote()) {
      return `Script stopped after ${this.limits.timeLimitMs} ms, this engine's time limit; the writes it made stay (redis-server cannot kill a script that wrote: SCRIPT KILL answers UNKILLABLE and only SHUTDOWN NOSAVE stops it)`;
    }
    return `Script killed by user with SCRIPT KILL... (this engine stops a script that has not written after ${this.limits.killAfterMs} ms, as SCRIPT KILL would once redis-server starts answering BUSY)`;
  }

  /** redis.call / redis.pcall (luaRedisGenericCommand). */
  private redisCall(L: number, raise: boolean): number {
    const m = this.m;
    const argc = m._lua_gettop(L);
    let failure: string | null = null;
    let reply: Reply = null;
    if (argc === 0) failure = 'Please specify at least one argument for this redis lib call';
    const argv: string[] = [];
    for (let i = 1; failure === null && i <= argc; i++) {
      const t = m._lua_type(L, i);
      if (t === T_NUMBER) argv.push(formatScore(m._lua_tonumberx(L, i, 0)));
      else if (t === T_STRING) argv.push(this.rt.toBytes(L, i)!);
      else failure = 'Lua redis lib command arguments must be strings or integers';
    }
    if (failure === null) reply = this.bridge!.call(argv);
    if (failure !== null) {
      this.pushErrorTable(L, failure);
      return raise ? m._lua_error(L) : 1;
    }
    if (reply instanceof ErrorReply) {
      this.pushErrorTable(L, `-${reply.message}`);
      return raise ? m._lua_error(L) : 1;
    }
    this.pushReply(L, reply);
    return 1;
  }

  /** A reply as Lua sees it (redisProtocolToLuaType). */
  private pushReply(L: number, r: Reply): void {
    const m = this.m;
    if (r === null) m._lua_pushboolean(L, 0);
    else if (typeof r === 'number') m._lua_pushinteger(L, BigInt(r));
    // Lua 5.1 holds every number as a double: a 64-bit integer reply rounds.
    else if (typeof r === 'bigint') m._lua_pushnumber(L, Number(r));
    else if (typeof r === 'string') this.rt.pushBytes(L, r);
    else if (r instanceof StatusReply) {
      m._lua_createtable(L, 0, 1);
      this.rt.pushBytes(L, r.status);
      m._lua_setfield(L, -2, this.rt.cname('ok'));
    } else if (r instanceof ErrorReply) {
      this.pushErrorTable(L, `-${r.message}`);
    } else {
      m._lua_createtable(L, r.length, 0);
      for (let i = 0; i < r.length; i++) {
        this.pushReply(L, r[i]!);
        m._lua_rawseti(L, -2, BigInt(i + 1));
      }
    }
  }

  /** The Lua value at `idx` as a reply (luaReplyToRedisReply, RESP2). */
  private toReply(L: number, idx: number, depth = 0): Reply {
    const m = this.m;
    const t = m._lua_type(L, idx);
    if (t === T_STRING) return this.rt.toBytes(L, idx)!;
    if (t === T_BOOLEAN) return m._lua_toboolean(L, idx) ? 1 : null;
    if (t === T_NUMBER) {
      // Redis casts the (5.1: double) number to long long; on x86-64 anything
      // out of range, infinities and NaN included, becomes LLONG_MIN.
      const d = m._lua_isinteger(L, idx)
        ? Number(m._lua_tointegerx(L, idx, 0))
        : m._lua_tonumberx(L, idx, 0);
      if (Number.isNaN(d) || d >= 9223372036854775808 || d < -9223372036854775808) {
        return -9223372036854775808n;
      }
      return integerOf(BigInt(Math.trunc(d)));
    }
    if (t !== T_TABLE || depth > 100) return null;
    const abs = idx < 0 ? m._lua_gettop(L) + idx + 1 : idx;
    m._lua_getfield(L, abs, this.rt.cname('err'));
    if (m._lua_type(L, -1) === T_STRING) {
      const text = this.rt.toBytes(L, -1)!;
      m._lua_settop(L, -2);
      return new ErrorReply(errorText(text));
    }
    m._lua_settop(L, -2);
    m._lua_getfield(L, abs, this.rt.cname('ok'));
    if (m._lua_type(L, -1) === T_STRING) {
      const text = this.rt.toBytes(L, -1)!;
      m._lua_settop(L, -2);
      return new StatusReply(text.replace(/[\r\n]/g, ' '));
    }
    m._lua_settop(L, -2);
    const out: Reply[] = [];
    for (let j = 1; ; j++) {
      if (m._lua_rawgeti(L, abs, BigInt(j)) === T_NIL) {
        m._lua_settop(L, -2);
        break;
      }
      out.push(this.toReply(L, -1, depth + 1));
      m._lua_settop(L, -2);
    }
    return out;
  }

  /** True once `sha`'s body has been compiled in this state. */
  has(sha: string): boolean {
    return this.compiled.has(sha);
  }

  /**
   * Compiles a script body as a chunk named "@user_script" and keeps it under
   * its SHA. Returns Redis's error text on a syntax error.
   */
  compile(sha: string, body: string): CompileResult {
    const m = this.m;
    const L = this.L;
    if (this.loadChunk(body, '@user_script') !== LUA_OK) {
      // Lua 5.1 (Redis's) quotes the end of input in its messages; 5.4 does not.
      const msg = (this.rt.toBytes(L, -1) ?? 'unknown error').replace(
        / near <eof>$/,
        " near '<eof>'",
      );
      m._lua_settop(L, -2);
      return { ok: false, error: `ERR Error compiling script (new function): ${msg}` };
    }
    m._lua_getfield(L, LUA_REGISTRYINDEX, this.rt.cname('__redis_scripts'));
    this.rt.pushBytes(L, sha);
    m._lua_pushvalue(L, -3);
    m._lua_rawset(L, -3);
    m._lua_settop(L, -3);
    this.compiled.add(sha);
    return { ok: true };
  }

  /**
   * Runs a compiled script with KEYS and ARGV, sending redis.call to
   * `bridge`, and returns its reply. O(the script).
   */
  run(sha: string, keys: string[], args: string[], bridge: ScriptBridge): Reply {
    const m = this.m;
    const L = this.L;
    this.bridge = bridge;
    this.killed = false;
    const started = performance.now();
    this.deadline = started + this.limits.timeLimitMs;
    this.killAt = started + this.limits.killAfterMs;
    this.writesBefore = bridge.writes();
    const base = m._lua_gettop(L);
    try {
      this.setArrayGlobal('KEYS', keys);
      this.setArrayGlobal('ARGV', args);
      m._lua_getfield(L, LUA_REGISTRYINDEX, this.rt.cname('__redis_err_handler'));
      m._lua_getfield(L, LUA_REGISTRYINDEX, this.rt.cname('__redis_scripts'));
      this.rt.pushBytes(L, sha);
      m._lua_rawget(L, -2);
      // Stack: handler, scripts, fn → drop the scripts table under fn.
      m._lua_rotate(L, -2, -1);
      m._lua_settop(L, -2);
      const status = m._lua_pcallk(L, 0, 1, base + 1, 0, 0);
      if (status === LUA_OK) return this.toReply(L, -1);
      if (status === LUA_ERRMEM) {
        return new ErrorReply(
          `ERR Error running script: not enough memory (this engine caps a script's Lua heap at ${Math.round(this.limits.memoryLimitBytes / 1048576)} MB; redis-server has no such cap)`,
        );
      }
      return this.errorReply(L, sha);
    } finally {
      m._lua_settop(L, base);
      this.bridge = null;
      if (this.killed) {
        this.killed = false;
        m._lua_sethook(L, this.hook, MASK_COUNT, HOOK_EVERY);
      }
    }
  }

  /** The error table left by Redis's handler → "<msg> script: <sha>, on @user_script:<line>." */
  private errorReply(L: number, sha: string): ErrorReply {
    const m = this.m;
    if (m._lua_type(L, -1) !== T_TABLE) {
      return new ErrorReply(
        `ERR Error running script (call to f_${sha}): @user_script: ${this.rt.toBytes(L, -1) ?? ''}`,
      );
    }
    m._lua_getfield(L, -1, this.rt.cname('err'));
    const msg = this.rt.toBytes(L, -1) ?? '';
    m._lua_settop(L, -2);
    m._lua_getfield(L, -1, this.rt.cname('source'));
    const source = this.rt.toBytes(L, -1);
    m._lua_settop(L, -2);
    m._lua_getfield(L, -1, this.rt.cname('line'));
    const line = m._lua_type(L, -1) === T_NUMBER ? String(m._lua_tointegerx(L, -1, 0)) : null;
    m._lua_settop(L, -2);
    const suffix = source !== null && line !== null ? ` script: ${sha}, on ${source}:${line}.` : '';
    return new ErrorReply(errorText(msg + suffix));
  }

  private setArrayGlobal(name: string, values: string[]): void {
    const m = this.m;
    const L = this.L;
    m._lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
    this.rt.pushBytes(L, name);
    m._lua_createtable(L, values.length, 0);
    for (let i = 0; i < values.length; i++) {
      this.rt.pushBytes(L, values[i]!);
      m._lua_rawseti(L, -2, BigInt(i + 1));
    }
    m._lua_rawset(L, -3);
    m._lua_settop(L, -2);
  }

  /** Frees the state and its callbacks (SCRIPT FLUSH makes a new one). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.m._lua_close(this.L);
    for (const f of this.fns) this.m.removeFunction(f);
    this.m.removeFunction(this.allocator);
  }
}

function integerOf(n: bigint): number | bigint {
  return n <= 9007199254740991n && n >= -9007199254740991n ? Number(n) : n;
}

/** An error table's text as a reply (addReplyErrorFormat: newlines become spaces). */
function errorText(msg: string): string {
  return msg.replace(/[\r\n]/g, ' ');
}
