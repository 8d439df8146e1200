/**
 * Number parsing and formatting exactly as Redis 7.0 does it: `strtod` for
 * scores, `string2ll` for integers, `%.17g` for doubles in replies.
 */

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
const isDigit = (c: number) => c >= 48 && c <= 57;
const hexValue = (c: number) =>
  c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;

/** What C's strtod reports: the value, where parsing stopped, and ERANGE. */
export interface StrtodResult {
  value: number;
  /** Index just past the parsed text; equals `start` when nothing parsed. */
  end: number;
  /** errno == ERANGE: overflow to ±HUGE_VAL or underflow to zero. */
  range: boolean;
}

/**
 * C `strtod` in the C locale: leading whitespace, a sign, `inf`/`infinity`,
 * `nan`, decimal with exponent, or hexadecimal (`0x1.8p3`).
 * Complexity: O(length). Never throws.
 */
export function strtod(s: string, start = 0): StrtodResult {
  let i = start;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  let sign = 1;
  if (s[i] === '+' || s[i] === '-') {
    if (s[i] === '-') sign = -1;
    i++;
  }
  const lower = s.charCodeAt(i) | 0x20;
  const rest = lower === 0x69 || lower === 0x6e ? s.slice(i, i + 8).toLowerCase() : '';
  if (rest.startsWith('inf')) {
    return { value: sign * Infinity, end: i + (rest === 'infinity' ? 8 : 3), range: false };
  }
  if (rest.startsWith('nan')) {
    let end = i + 3;
    if (s[end] === '(') {
      let j = end + 1;
      while (j < s.length && /[0-9A-Za-z_]/.test(s[j]!)) j++;
      if (s[j] === ')') end = j + 1;
    }
    return { value: NaN, end, range: false };
  }
  if (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X')) {
    const hex = parseHex(s, i + 2, sign);
    if (hex) return hex;
  }
  const numStart = i;
  let digits = 0;
  let nonZero = false;
  while (i < s.length && isDigit(s.charCodeAt(i))) {
    if (s[i] !== '0') nonZero = true;
    i++;
    digits++;
  }
  if (s[i] === '.') {
    let j = i + 1;
    while (j < s.length && isDigit(s.charCodeAt(j))) {
      if (s[j] !== '0') nonZero = true;
      j++;
      digits++;
    }
    if (digits > 0) i = j;
  }
  if (digits === 0) return { value: 0, end: start, range: false };
  if (s[i] === 'e' || s[i] === 'E') {
    let j = i + 1;
    if (s[j] === '+' || s[j] === '-') j++;
    if (j < s.length && isDigit(s.charCodeAt(j))) {
      while (j < s.length && isDigit(s.charCodeAt(j))) j++;
      i = j;
    }
  }
  const magnitude = Number(s.slice(numStart, i));
  const range = magnitude === Infinity || (magnitude === 0 && nonZero);
  return { value: sign * magnitude, end: i, range };
}

function parseHex(s: string, from: number, sign: number): StrtodResult | null {
  let i = from;
  let mantissa = 0;
  let exp = 0;
  let digits = 0;
  while (i < s.length && hexValue(s.charCodeAt(i)) >= 0) {
    mantissa = mantissa * 16 + hexValue(s.charCodeAt(i));
    i++;
    digits++;
  }
  if (s[i] === '.') {
    let j = i + 1;
    while (j < s.length && hexValue(s.charCodeAt(j)) >= 0) {
      mantissa = mantissa * 16 + hexValue(s.charCodeAt(j));
      exp -= 4;
      j++;
      digits++;
    }
    if (digits > 0) i = j;
  }
  if (digits === 0) return null;
  if (s[i] === 'p' || s[i] === 'P') {
    let j = i + 1;
    let esign = 1;
    if (s[j] === '+' || s[j] === '-') {
      if (s[j] === '-') esign = -1;
      j++;
    }
    if (j < s.length && isDigit(s.charCodeAt(j))) {
      let e = 0;
      while (j < s.length && isDigit(s.charCodeAt(j))) {
        e = Math.min(e * 10 + (s.charCodeAt(j) - 48), 100000);
        j++;
      }
      exp += esign * e;
      i = j;
    }
  }
  const magnitude = mantissa * Math.pow(2, exp);
  const range = magnitude === Infinity || (magnitude === 0 && mantissa !== 0);
  return { value: sign * magnitude, end: i, range };
}

/**
 * Parses a score or increment the way Redis's getDoubleFromObject does: the
 * whole string must be a number, no leading space, no overflow, no underflow
 * to zero, no NaN. Returns null when Redis would reply
 * "ERR value is not a valid float". O(length).
 */
export function parseStrictDouble(s: string): number | null {
  // Fast path: up to 15 digits with an optional minus is exact as a double.
  const n = s.length;
  if (n > 0 && n <= 15) {
    let i = s.charCodeAt(0) === 45 ? 1 : 0;
    if (i < n) {
      while (i < n && isDigit(s.charCodeAt(i))) i++;
      if (i === n) return Number(s);
    }
  }
  if (s.length === 0 || isSpace(s.charCodeAt(0))) return null;
  const r = strtod(s);
  if (r.end !== s.length || Number.isNaN(r.value)) return null;
  if (r.range && (r.value === 0 || !Number.isFinite(r.value))) return null;
  return r.value;
}

/**
 * Parses one end of a score range as zslParseRange does: an optional `(` for
 * an exclusive bound, then strtod that must reach the end of the string
 * (leading spaces and the empty string are accepted, as in Redis; overflow
 * gives ±inf). Returns null for "ERR min or max is not a float". O(length).
 */
export function parseScoreBound(s: string): { value: number; exclusive: boolean } | null {
  const exclusive = s.charCodeAt(0) === 40; /* ( */
  const from = exclusive ? 1 : 0;
  const r = strtod(s, from);
  // C strings end at NUL, and strtod leaves eptr at the start when it parses
  // nothing, so "" and "(" are accepted as 0.
  if (!(r.end === s.length || s.charCodeAt(r.end) === 0) || Number.isNaN(r.value)) return null;
  return { value: r.value, exclusive };
}

const LLONG_MAX = 9223372036854775807n;
const LLONG_MIN = -9223372036854775808n;

/**
 * Parses a 64-bit signed integer as Redis's string2ll: digits only, an
 * optional `-`, no `+`, no leading zeros, no spaces, within the long long
 * range. Returns null for "ERR value is not an integer or out of range".
 * O(length).
 */
export function parseLongLong(s: string): bigint | null {
  const n = s.length;
  if (n === 0 || n > 20) return null;
  if (n === 1 && s === '0') return 0n;
  let i = 0;
  if (s.charCodeAt(0) === 45) {
    i = 1;
    if (n === 1) return null;
  }
  const first = s.charCodeAt(i);
  if (first < 49 || first > 57) return null;
  for (let j = i + 1; j < n; j++) if (!isDigit(s.charCodeAt(j))) return null;
  const v = BigInt(s);
  return v > LLONG_MAX || v < LLONG_MIN ? null : v;
}

/**
 * Same rules as {@link parseLongLong}, returned as a JS number (exact up to
 * 2^53; larger magnitudes are rounded, which only matters for clamped indexes).
 * Fast path for short strings. O(length).
 */
export function parseLong(s: string): number | null {
  const n = s.length;
  if (n > 0 && n < 16) {
    let i = 0;
    let neg = false;
    if (s.charCodeAt(0) === 45) {
      if (n === 1) return null;
      neg = true;
      i = 1;
    }
    const first = s.charCodeAt(i);
    if (first === 48) return n === 1 ? 0 : null;
    if (first < 49 || first > 57) return null;
    let v = first - 48;
    for (let j = i + 1; j < n; j++) {
      const c = s.charCodeAt(j);
      if (c < 48 || c > 57) return null;
      v = v * 10 + (c - 48);
    }
    return neg ? -v : v;
  }
  const big = parseLongLong(s);
  return big === null ? null : Number(big);
}

/**
 * Formats a double as Redis 7.0 replies it (`%.17g`, `inf`, `-inf`):
 * 1.1 → "1.1000000000000001", 1e20 → "1e+20", -0 → "-0". O(1).
 */
export function formatScore(d: number): string {
  if (Number.isInteger(d) && d < 9007199254740992 && d > -9007199254740992) {
    return d === 0 && 1 / d < 0 ? '-0' : String(d);
  }
  if (d === Infinity) return 'inf';
  if (d === -Infinity) return '-inf';
  if (Number.isNaN(d)) return 'nan';
  const exp = d.toExponential(16);
  const e = exp.indexOf('e');
  const negative = exp.charCodeAt(0) === 45;
  const digits = exp.slice(negative ? 1 : 0, e).replace('.', '');
  const x = Number(exp.slice(e + 1));
  const sign = negative ? '-' : '';
  if (x < -4 || x >= 17) {
    let mant = digits[0]! + '.' + digits.slice(1);
    mant = mant.replace(/0+$/, '').replace(/\.$/, '');
    const ax = Math.abs(x);
    return `${sign}${mant}e${x < 0 ? '-' : '+'}${ax < 10 ? '0' : ''}${ax}`;
  }
  let out: string;
  if (x < 0) out = '0.' + '0'.repeat(-x - 1) + digits;
  else out = digits.slice(0, x + 1) + '.' + digits.slice(x + 1);
  out = out.replace(/0+$/, '').replace(/\.$/, '');
  return sign + out;
}

/**
 * Formats a JS number or bigint as Redis formats a long long (plain digits).
 */
export function formatInteger(n: number | bigint): string {
  return typeof n === 'bigint' ? n.toString() : String(n);
}
