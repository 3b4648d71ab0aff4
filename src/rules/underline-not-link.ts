/** `formatting/underline-not-link`: underlined text that is not a link. */
import { overlapTest } from '../engine/ranges.js';
import type { Rule } from '../engine/rule.js';
import { SEEDS } from './seeds.js';

const rule: Rule = {
  meta: {
    id: 'formatting/underline-not-link',
    category: 'formatting',
    severity: 'warning',
    pillar: 'support',
    groups: ['neurodivergent'],
    description: 'Underlined text that is not a link.',
    note: 'People expect underlined text to be a link and try to click it; underlining also runs into the letters, which makes words harder to read for people with dyslexia.',
    seed: SEEDS.accessibleDocuments,
    fix: 'Remove the underline. For emphasis use plain words, or bold for a few words at most.',
    sources: ['NHS service manual, “Formatting” (people may mistake underlined text for a link)', 'British Dyslexia Association style guide', 'RNIB clear print guidelines'],
    messages: { underline: '“{text}” is underlined but is not a link: remove the underline.' },
    examples: { flagged: ['<p>Please <u>read this carefully</u>.</p>'], passes: ['<p>Please read this carefully.</p>'] },
    fixable: false,
    origin: 'src/rules/underline-not-link.ts',
  },
  check(context) {
    for (const block of context.doc.blocks) {
      // Most blocks have nothing underlined.
      if (!block.marks.some((mark) => mark.kind === 'underline') && !block.style?.runs.some((run) => run.underline)) continue;
      const inLink = overlapTest(block.links);
      const ranges = [
        ...(block.style?.runs ?? []).filter((run) => run.underline && !run.link),
        ...block.marks.filter((mark) => mark.kind === 'underline'),
      ]
        .map((range) => ({ start: range.start, end: range.end }))
        .filter((range) => !inLink(range.start, range.end));
      for (const range of mergeRanges(ranges, block.text)) {
        const text = block.text.slice(range.start, range.end).trim();
        if (text === '') continue;
        context.report({ block, start: range.start, end: range.end, messageId: 'underline', data: { text } });
      }
    }
  },
};

/** Join ranges that touch or are separated only by spaces, and trim spaces from their ends. */
export function mergeRanges(ranges: readonly { start: number; end: number }[], text: string): { start: number; end: number }[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && text.slice(last.end, range.start).trim() === '' && range.start >= last.start) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged
    .map((range) => {
      let { start, end } = range;
      while (start < end && /\s/.test(text[start] ?? '')) start++;
      while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
      return { start, end };
    })
    .filter((range) => range.end > range.start);
}

export default rule;
