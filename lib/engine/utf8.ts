/**
 * Redis order for text that has not been encoded yet. Redis orders members by
 * memcmp of their bytes, which for UTF-8 text is code-point order; JavaScript
 * strings compare by UTF-16 code units, which disagrees for astral characters
 * (surrogates 0xD800-0xDFFF) against U+E000-U+FFFF. The engine itself works on
 * byte strings (bytes.ts); lib/leaderboard sorts text with this.
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
