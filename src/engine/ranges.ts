/** Ranges of a block's text (links, marks, masked codes), and whether a range overlaps one of them. */

/** A half-open range `[start, end)`. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * A test of whether `[start, end)` overlaps one of `spans` (`start < span.end && end > span.start`):
 * the spans sorted by start, with the furthest end among each first few, so that a block with
 * thousands of links or marks is not searched from the first of them for each finding.
 */
export function overlapTest(spans: readonly Span[]): (start: number, end: number) => boolean {
  if (spans.length === 0) return () => false;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const starts = new Float64Array(sorted.length);
  const furthest = new Float64Array(sorted.length);
  let reach = -Infinity;
  sorted.forEach((span, index) => {
    starts[index] = span.start;
    reach = Math.max(reach, span.end);
    furthest[index] = reach;
  });
  return (start, end) => {
    // The spans that start before `end`: one of them overlaps when the furthest of their ends is after `start`.
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((starts[middle] ?? 0) < end) low = middle + 1;
      else high = middle;
    }
    return low > 0 && (furthest[low - 1] ?? -Infinity) > start;
  };
}
