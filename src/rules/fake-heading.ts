/**
 * `document-structure/fake-heading`: a short paragraph that looks like a heading — all bold, or
 * much larger than the body text, with no full stop — but is not made with a heading style, so
 * screen readers and the navigation pane cannot find it. A bold “Label: value” line (“Closing
 * date: 14 January 2027”) is a field of the advert, not a heading; a bold label on its own
 * (“Main duties:”) still is one.
 */
import type { Block } from '../document/model.js';
import type { Rule } from '../engine/rule.js';
import { SEEDS } from './seeds.js';

/** Paragraphs of this many words or more are not headings. */
const MAX_WORDS = 10;
/** Text this much larger than the body text looks like a heading. */
const SIZE_RATIO = 1.2;
/** A label, a colon and a value after it: “Salary: £24,000 a year”. */
const KEY_FIELD = /^(\p{L}[^:\n]{0,40}?)\s*:\s*\S/u;
/** Labels that number a part of the document, so the line is a heading: “Step 1: apply online”. */
const NUMBERED_PART = /^(?:step|stage|part|section|phase|module|appendix|chapter|unit)\s+[\p{N}\p{L}]{1,4}$/iu;

/** True when the text is a “Label: value” row (a key field), not a heading. */
export function isKeyField(text: string): boolean {
  const label = KEY_FIELD.exec(text)?.[1];
  return label !== undefined && label.split(/\s+/).length <= 5 && !NUMBERED_PART.test(label);
}

/** True when every character of the block that is not white space is inside one of `ranges`. */
function isWholly(block: Block, ranges: readonly { readonly start: number; readonly end: number }[]): boolean {
  const text = block.text;
  if (text.trim() === '') return false;
  // How many ranges cover each character, from where each range starts and ends.
  const depth = new Int32Array(text.length + 1);
  for (const range of ranges) {
    const start = Math.max(0, range.start);
    const end = Math.min(text.length, range.end);
    if (end <= start) continue;
    depth[start] = (depth[start] ?? 0) + 1;
    depth[end] = (depth[end] ?? 0) - 1;
  }
  let inside = 0;
  for (let index = 0; index < text.length; index++) {
    inside += depth[index] ?? 0;
    if (inside <= 0 && !/\s/.test(text[index] ?? '')) return false;
  }
  return true;
}

/** The most common font size in the document's paragraphs: the body size. */
function bodySize(blocks: readonly Block[]): number | null {
  const weight = new Map<number, number>();
  for (const block of blocks) {
    if (block.kind !== 'paragraph' && block.kind !== 'list-item') continue;
    for (const run of block.style?.runs ?? []) if (run.sizePt !== null) weight.set(run.sizePt, (weight.get(run.sizePt) ?? 0) + run.end - run.start);
  }
  let best: number | null = null;
  let bestWeight = 0;
  for (const [size, count] of weight) if (count > bestWeight) [best, bestWeight] = [size, count];
  return best;
}

const rule: Rule = {
  meta: {
    id: 'document-structure/fake-heading',
    category: 'document-structure',
    severity: 'warning',
    pillar: 'support',
    groups: ['neurodivergent', 'deaf', 'everyone'],
    description: 'Short paragraphs formatted to look like headings (bold, or larger text) instead of using a heading style.',
    note:
      'Text that only looks like a heading is read out as an ordinary paragraph: screen reader users cannot jump to it, and it does not appear in the navigation pane or the table of contents.',
    seed: SEEDS.accessibleDocuments,
    fix: 'Apply a heading style (Heading 2, Heading 3) instead of making the text bold or bigger.',
    sources: ['NHS service manual, “Headings”', 'Microsoft Accessibility Checker, heading styles', 'British Dyslexia Association style guide (use heading styles)'],
    messages: {
      bold: '“{text}” looks like a heading but is bold text: apply a heading style instead.',
      large: '“{text}” looks like a heading but is large text: apply a heading style instead.',
    },
    examples: { flagged: ['**About the role**\n\nYou will help people at home.'], passes: ['## About the role\n\nYou will help people at home.'] },
    fixable: false,
    origin: 'src/rules/fake-heading.ts',
  },
  check(context) {
    const { doc } = context;
    // An untagged PDF is reported as untagged (its headings are only guessed from text size).
    if (doc.format === 'text' || (doc.format === 'pdf' && doc.meta.tagged !== true)) return;
    const body = bodySize(doc.blocks);
    for (const [index, block] of doc.blocks.entries()) {
      if (block.kind !== 'paragraph') continue;
      const text = block.text.trim();
      const words = text.split(/\s+/).length;
      if (words >= MAX_WORDS || /[.!?;,]$/.test(text) || !/\p{L}/u.test(text) || isKeyField(text)) continue;
      // A heading introduces something: the next block must exist and not be another heading.
      const next = doc.blocks[index + 1];
      if (!next || next.kind === 'heading') continue;
      const runs = block.style?.runs ?? [];
      const bold = isWholly(block, runs.filter((run) => run.bold)) || isWholly(block, block.marks.filter((mark) => mark.kind === 'strong'));
      const size = runs.reduce((largest, run) => Math.max(largest, run.sizePt ?? 0), 0);
      const large = body !== null && size >= body * SIZE_RATIO && runs.every((run) => (run.sizePt ?? 0) >= body * SIZE_RATIO || block.text.slice(run.start, run.end).trim() === '');
      if (!bold && !large) continue;
      context.report({ block, messageId: bold ? 'bold' : 'large', data: { text } });
    }
  },
};

export default rule;
