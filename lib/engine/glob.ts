/**
 * Redis's glob matcher (stringmatchlen in util.c) for KEYS and SCAN MATCH:
 * `*`, `?`, `[abc]`, `[^a]`, `[a-z]` and `\x` escapes, compared by code unit.
 * Complexity: O(pattern · string) in the worst case, like Redis.
 */
export function globMatch(pattern: string, str: string): boolean {
  return matchFrom(pattern, 0, str, 0);
}

function matchFrom(p: string, pi: number, s: string, si: number): boolean {
  while (pi < p.length && si <= s.length) {
    const c = p[pi]!;
    if (c === '*') {
      while (p[pi + 1] === '*') pi++;
      if (pi + 1 === p.length) return true;
      for (let k = si; k <= s.length; k++) if (matchFrom(p, pi + 1, s, k)) return true;
      return false;
    }
    if (si === s.length) return false;
    if (c === '?') {
      si++;
      pi++;
      continue;
    }
    if (c === '[') {
      pi++;
      const not = p[pi] === '^';
      if (not) pi++;
      let match = false;
      while (pi < p.length) {
        if (p[pi] === '\\' && pi + 1 < p.length) {
          pi++;
          if (p[pi] === s[si]) match = true;
        } else if (p[pi] === ']') {
          break;
        } else if (pi + 2 < p.length && p[pi + 1] === '-') {
          let start = p.charCodeAt(pi);
          let end = p.charCodeAt(pi + 2);
          const ch = s.charCodeAt(si);
          if (start > end) [start, end] = [end, start];
          pi += 2;
          if (ch >= start && ch <= end) match = true;
        } else if (p[pi] === s[si]) {
          match = true;
        }
        pi++;
      }
      if (pi >= p.length) pi = p.length - 1;
      if (not) match = !match;
      if (!match) return false;
      si++;
      pi++;
      continue;
    }
    if (c === '\\' && pi + 1 < p.length) pi++;
    if (p[pi] !== s[si]) return false;
    si++;
    pi++;
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length && si === s.length;
}
