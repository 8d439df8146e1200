/**
 * INCRBYFLOAT's arithmetic. Redis does it in C's `long double`, which on
 * x86-64 is the 80-bit extended format (a 64-bit significand), reads its
 * operands with `strtold` and prints the result with `%.17Lf` before
 * trimming trailing zeros. That is why `INCRBYFLOAT k 0.1` twice gives
 * "0.2" and not the double-precision "0.20000000000000001". JavaScript has no
 * such type, so this module models it exactly with BigInt: a value is
 * sign · m · 2^e with m < 2^64, every operation rounds to nearest-even as the
 * FPU does, and printing is exact decimal expansion.
 */

/** A finite 80-bit extended value, or an infinity. */
export type LongDouble =
  { kind: 'finite'; negative: boolean; m: bigint; e: number } | { kind: 'inf'; negative: boolean };

const SIG_BITS = 64;
/** Smallest exponent of the least significant bit (subnormals): 2^-16445. */
const MIN_EXP = -16445;
/** Largest finite value is (2^64 - 1) · 2^16320. */
const MAX_EXP = 16320;

const ZERO: LongDouble = { kind: 'finite', negative: false, m: 0n, e: 0 };

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/** Rounds num/den · 2^shift … to a 64-bit significand, nearest-even. */
function roundRational(negative: boolean, num: bigint, den: bigint): LongDouble {
  if (num === 0n) return { ...ZERO, negative };
  // Choose e so that 2^63 <= num / (den · 2^e) < 2^64.
  let e = bitLength(num) - bitLength(den) - SIG_BITS;
  const scaled = (k: number): [bigint, bigint] =>
    k >= 0 ? [num, den << BigInt(k)] : [num << BigInt(-k), den];
  let [n, d] = scaled(e);
  if (n / d >= 1n << 64n) {
    e++;
    [n, d] = scaled(e);
  } else if (n / d < 1n << 63n) {
    e--;
    [n, d] = scaled(e);
  }
  if (e < MIN_EXP) {
    e = MIN_EXP;
    [n, d] = scaled(e);
  }
  let q = n / d;
  const r2 = (n % d) * 2n;
  if (r2 > d || (r2 === d && (q & 1n) === 1n)) q++;
  if (q === 1n << 64n) {
    q >>= 1n;
    e++;
  }
  if (e > MAX_EXP) return { kind: 'inf', negative };
  return { kind: 'finite', negative, m: q, e };
}

/** Exact value as a fraction num/den (den a power of two). */
function toFraction(x: LongDouble & { kind: 'finite' }): [bigint, bigint] {
  const s = x.negative ? -1n : 1n;
  return x.e >= 0 ? [s * (x.m << BigInt(x.e)), 1n] : [s * x.m, 1n << BigInt(-x.e)];
}

/**
 * C's strtold applied as Redis's getLongDoubleFromObject does: the whole
 * string must parse, no leading space, no NaN, and no overflow or underflow
 * to zero. Returns null for "value is not a valid float". Decimal and
 * hexadecimal forms and inf/infinity are accepted. O(length²) at worst.
 */
export function parseLongDouble(s: string): LongDouble | null {
  const m =
    /^([+-]?)(?:(inf(?:inity)?)|0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?[0-9]+))?|([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?)$/i.exec(
      s,
    );
  if (m === null) return null;
  const negative = m[1] === '-';
  if (m[2] !== undefined) return { kind: 'inf', negative };
  let num: bigint;
  let den = 1n;
  let zeroInput: boolean;
  if (m[3] !== undefined) {
    const int = m[3];
    const frac = m[4] ?? '';
    if (int.length + frac.length === 0) return null;
    const digits = BigInt('0x' + (int + frac || '0'));
    let exp = m[5] === undefined ? 0 : Number(m[5]);
    if (!Number.isFinite(exp) || Math.abs(exp) > 1e6) exp = Math.sign(exp) * 1e6;
    exp -= 4 * frac.length;
    zeroInput = digits === 0n;
    if (exp >= 0) num = digits << BigInt(exp);
    else {
      num = digits;
      den = 1n << BigInt(-exp);
    }
  } else {
    const int = m[6] ?? '';
    const frac = m[7] ?? '';
    if (int.length + frac.length === 0) return null;
    const digits = BigInt(int + frac || '0');
    let exp = m[8] === undefined ? 0 : Number(m[8]);
    if (Math.abs(exp) > 1e6) exp = Math.sign(exp) * 1e6;
    exp -= frac.length;
    zeroInput = digits === 0n;
    if (zeroInput) return { ...ZERO, negative };
    // Beyond these the value is infinite or zero whatever the digits.
    if (exp + int.length > 5000) return null;
    if (exp + int.length + frac.length < -5100) return null;
    if (exp >= 0) num = digits * 10n ** BigInt(exp);
    else {
      num = digits;
      den = 10n ** BigInt(-exp);
    }
  }
  if (zeroInput) return { ...ZERO, negative };
  const r = roundRational(negative, num, den);
  // ERANGE: overflow to infinity, or underflow all the way to zero.
  if (r.kind === 'inf' || r.m === 0n) return null;
  return r;
}

/** a + b, rounded as the x87 FPU rounds. */
export function addLongDouble(a: LongDouble, b: LongDouble): LongDouble | 'nan' {
  if (a.kind === 'inf' || b.kind === 'inf') {
    if (a.kind === 'inf' && b.kind === 'inf' && a.negative !== b.negative) return 'nan';
    return a.kind === 'inf' ? a : b;
  }
  const [an, ad] = toFraction(a);
  const [bn, bd] = toFraction(b);
  const den = ad > bd ? ad : bd;
  const num = an * (den / ad) + bn * (den / bd);
  if (num === 0n) return { ...ZERO, negative: a.negative && b.negative };
  return roundRational(num < 0n, num < 0n ? -num : num, den);
}

/**
 * `%.17Lf` with Redis's trimming (ld2string in LD_STR_HUMAN mode): exact
 * decimal expansion rounded to 17 places (ties to even), then trailing zeros
 * and a bare point removed. Infinities print as "inf" / "-inf".
 */
export function formatLongDouble(x: LongDouble): string {
  if (x.kind === 'inf') return x.negative ? '-inf' : 'inf';
  const [n0, d] = toFraction(x);
  const n = n0 < 0n ? -n0 : n0;
  const scaled = n * 10n ** 17n;
  let q = scaled / d;
  const r2 = (scaled % d) * 2n;
  if (r2 > d || (r2 === d && (q & 1n) === 1n)) q++;
  const digits = q.toString().padStart(18, '0');
  let out = `${digits.slice(0, -17)}.${digits.slice(-17)}`;
  out = out.replace(/0+$/, '').replace(/\.$/, '');
  return (x.negative ? '-' : '') + out;
}
