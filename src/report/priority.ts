/**
 * What to fix first, the same in every report: the errors, then the warnings that matter most —
 * wording that shuts people out, then missing information, then document structure, plain words,
 * formatting and readability — in the order of the document within each.
 */
import type { Category, Finding } from '../types.js';

/** How many findings the “fix these first” list names. */
export const FIX_FIRST_COUNT = 5;

const CATEGORY_WEIGHT: Readonly<Record<Category, number>> = {
  'inclusive-language': 0,
  'required-content': 1,
  'document-structure': 2,
  'plain-language': 3,
  formatting: 4,
  readability: 5,
};

/** The indices of the findings to fix first, most important first; information never counts. */
export function fixFirst(findings: readonly Finding[], count = FIX_FIRST_COUNT): number[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .filter(({ finding }) => finding.severity !== 'info')
    .sort(
      (a, b) =>
        (a.finding.severity === 'error' ? 0 : 1) - (b.finding.severity === 'error' ? 0 : 1) ||
        CATEGORY_WEIGHT[a.finding.category] - CATEGORY_WEIGHT[b.finding.category] ||
        a.index - b.index,
    )
    .slice(0, count)
    .map(({ index }) => index);
}
