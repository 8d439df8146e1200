/**
 * Byte-level string helpers. Redis stores members as byte strings and orders
 * them with memcmp, i.e. by their UTF-8 bytes. JavaScript strings compare by
 * UTF-16 code units, which disagrees for astral characters (stored as
 * surrogates 0xD800-0xDFFF) against U+E000-U+FFFF: UTF-16 puts the astral
 * character first, UTF-8 puts it last.
 */

/**
 * Compares two strings in the byte order of their UTF-8 encodings, as Redis's
 * memcmp-based `sdscmp` does.
 *
 * @returns a negative number, 0 or a positive number.
 * Complexity: O(length of the common prefix). No allocation.
 * Edge cases: a proper prefix sorts first; lone surrogates are ordered as if
 * they were astral characters (they cannot reach Redis unchanged anyway).
 */
export function compareUtf8(a: string, b: string): number {
  if (a === b) return 0;
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      // Surrogates (astral code points) must sort above U+E000-U+FFFF.
      if (x >= 0xd800 && y >= 0xd800) {
        x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
        y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      }
      return x - y;
    }
  }
  return a.length - b.length;
}

/**
 * Returns the number of bytes of the UTF-8 encoding of `s` (what Redis calls
 * `sdslen`). Complexity: O(length). A lone surrogate counts 3 bytes (U+FFFD).
 */
export function utf8Length(s: string): number {
  let bytes = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        bytes += 2; // 4 bytes for 2 code units
        i++;
      } else bytes += 2;
    } else bytes += 2;
  }
  return bytes;
}

/**
 * Returns the UTF-8 bytes of `s`. Complexity: O(length).
 */
export function encodeUtf8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

/**
 * Decodes UTF-8 bytes to a string; invalid sequences become U+FFFD, as
 * ioredis does when it turns a reply into a JavaScript string.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}
