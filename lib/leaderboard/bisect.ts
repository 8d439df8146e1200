// Binary search over an ascending array of numbers, written once for the boards, the
// histogram and the rankers. O(log n).

/** The first index whose value is ≥ `x` (the count of values below `x`). */
export function lowerBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index whose value is > `x` (the count of values at or below `x`). */
export function upperBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x >= sorted[mid]!) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
