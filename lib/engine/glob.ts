/**
 * Redis's glob matcher for KEYS, SCAN MATCH and the other *SCAN commands
 * (stringmatchlen_impl in util.c, Redis 7.0.15), over byte strings: `*`, `?`,
 * `[abc]`, `[^a]`, `[a-z]` and `\x` escapes, each matching one byte, so `?`
 * does not match the two bytes of "é".
 *
 * It is a port rather than a regular expression because the corner cases are
 * Redis's: a `*` that failed to match the rest of the pattern anywhere stops
 * every earlier `*` from trying longer matches (which keeps `a*a*a*…b` against
 * a long key linear instead of exponential), recursion deeper than 1,000 stars
 * answers "no match", ranges compare bytes as C's signed `char` (so `[a-\xff]`
 * means bytes -1..97), and an unclosed `[` or a trailing `\` behave as C does
 * reading up to the string's terminating NUL.
 *
 * Complexity: O(pattern · string) at worst, like Redis.
 */
export function globMatch(pattern: string, str: string): boolean {
  const state = { skipLongerMatches: false };
  return matchImpl(pattern, 0, str, 0, state, 0);
}

/** The byte at `i`, or 0 past the end (C strings end in NUL). */
const at = (s: string, i: number) => (i < s.length ? s.charCodeAt(i) : 0);
/** A byte as C's signed char. */
const signed = (c: number) => (c >= 128 ? c - 256 : c);

const STAR = 42;
const QUESTION = 63;
const OPEN = 91;
const CLOSE = 93;
const CARET = 94;
const BACKSLASH = 92;
const DASH = 45;

function matchImpl(
  p: string,
  pi: number,
  s: string,
  si: number,
  state: { skipLongerMatches: boolean },
  nesting: number,
): boolean {
  if (nesting > 1000) return false;
  let plen = p.length - pi;
  let slen = s.length - si;
  while (plen > 0 && slen > 0) {
    switch (at(p, pi)) {
      case STAR: {
        while (plen > 0 && at(p, pi + 1) === STAR) {
          pi++;
          plen--;
        }
        if (plen === 1) return true;
        while (slen > 0) {
          if (matchImpl(p, pi + 1, s, si, state, nesting + 1)) return true;
          if (state.skipLongerMatches) return false;
          si++;
          slen--;
        }
        state.skipLongerMatches = true;
        return false;
      }
      case QUESTION:
        si++;
        slen--;
        break;
      case OPEN: {
        pi++;
        plen--;
        const not = at(p, pi) === CARET;
        if (not) {
          pi++;
          plen--;
        }
        let match = false;
        const c = at(s, si);
        while (true) {
          if (at(p, pi) === BACKSLASH && plen >= 2) {
            pi++;
            plen--;
            if (at(p, pi) === c) match = true;
          } else if (at(p, pi) === CLOSE) {
            break;
          } else if (plen === 0) {
            pi--;
            plen++;
            break;
          } else if (plen >= 3 && at(p, pi + 1) === DASH) {
            let start = signed(at(p, pi));
            let end = signed(at(p, pi + 2));
            const sc = signed(c);
            if (start > end) {
              const t = start;
              start = end;
              end = t;
            }
            pi += 2;
            plen -= 2;
            if (sc >= start && sc <= end) match = true;
          } else if (at(p, pi) === c) {
            match = true;
          }
          pi++;
          plen--;
        }
        if (not) match = !match;
        if (!match) return false;
        si++;
        slen--;
        break;
      }
      case BACKSLASH:
        if (plen >= 2) {
          pi++;
          plen--;
        }
      // falls through
      default:
        if (at(p, pi) !== at(s, si)) return false;
        si++;
        slen--;
        break;
    }
    pi++;
    plen--;
    if (slen === 0) {
      while (at(p, pi) === STAR) {
        pi++;
        plen--;
      }
      break;
    }
  }
  return plen === 0 && slen === 0;
}
