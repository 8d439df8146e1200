/**
 * Redis strings are bytes. Inside the engine every key, member, value and
 * argument is a "byte string": a JavaScript string whose code units are all
 * 0..255, one per byte. Comparing two of them with `<` is then memcmp order,
 * `.length` is `sdslen`, and glob patterns match byte by byte, as in Redis.
 *
 * Text enters and leaves through the functions below, at the edges: the
 * ioredis-shaped client encodes every argument as UTF-8 (as ioredis does on
 * the wire) and decodes every reply as UTF-8 (as ioredis does when it turns
 * a reply into a JavaScript string); the console's parser builds byte strings
 * directly, so `"\xff\xfe"` stays two bytes.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** A code unit that can never occur in a byte string: marks free slots in tables. */
export const NOT_A_BYTE_STRING = '\u0100';

/** True when every code unit is below 0x80 (then text and bytes coincide). O(length). */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * Encodes text as the byte string of its UTF-8 encoding. Lone surrogates
 * become U+FFFD (EF BF BD), exactly as Node's Buffer and therefore ioredis
 * encode them, so two different lone surrogates name the same member.
 * O(length); ASCII text is returned as is.
 */
export function textToBytes(s: string): string {
  if (isAscii(s)) return s;
  return uint8ToBytes(encoder.encode(s));
}

/**
 * Decodes a byte string as UTF-8, replacing invalid sequences with U+FFFD as
 * ioredis (Buffer#toString) does. O(length); ASCII is returned as is.
 */
export function bytesToText(b: string): string {
  if (isAscii(b)) return b;
  for (let i = 0; i < b.length; i++) if (b.charCodeAt(i) > 0xff) return b; // already text
  return decoder.decode(bytesToUint8(b));
}

/** The bytes of a byte string as a Uint8Array. O(length). */
export function bytesToUint8(b: string): Uint8Array {
  const out = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = b.charCodeAt(i);
  return out;
}

/** A Uint8Array as a byte string. O(length). */
export function uint8ToBytes(a: Uint8Array): string {
  let s = '';
  const CHUNK = 8192;
  for (let i = 0; i < a.length; i += CHUNK) {
    s += String.fromCharCode.apply(null, a.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return s;
}

/** memcmp order of two byte strings: negative, 0 or positive. O(common prefix). */
export function compareBytes(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/**
 * Cuts a byte string to at most `max` bytes (Redis truncates user input in
 * error texts to 128 bytes, possibly inside a UTF-8 sequence). O(max).
 */
export function truncateBytes(b: string, max: number): string {
  return b.length > max ? b.slice(0, max) : b;
}
