/**
 * `formatting/low-contrast-text`: text whose colour against its background is below the WCAG
 * contrast ratio — 4.5:1, or 3:1 for large text (18pt, or 14pt bold).
 */
import type { Rule } from '../engine/rule.js';
import { SEEDS } from './seeds.js';

/** Relative luminance of an RRGGBB colour (WCAG 2). */
function luminance(hex: string): number {
  const channel = (offset: number): number => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** The WCAG contrast ratio of two RRGGBB colours, from 1 to 21. */
export function contrastRatio(foreground: string, background: string): number {
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const rule: Rule = {
  meta: {
    id: 'formatting/low-contrast-text',
    category: 'formatting',
    severity: 'warning',
    pillar: 'support',
    groups: ['neurodivergent', 'everyone'],
    description: 'Text colour against its background below 4.5:1 (3:1 for large text).',
    note: 'Pale text, or text on a coloured background, is hard or impossible to read for people with sight loss or colour blindness, on a phone in daylight, or on a cheap printout.',
    seed: SEEDS.accessibleDocuments,
    fix: 'Make the text darker or the background lighter, until the contrast is at least 4.5:1.',
    sources: ['WCAG 2.2 success criterion 1.4.3, Contrast (Minimum)', 'Microsoft Accessibility Checker: “Sufficient contrast between text and background”'],
    messages: { low: '“{text}” has a contrast of {ratio}:1 against its background: it needs at least {needed}:1.' },
    examples: { flagged: [], passes: [] },
    fileExamples: {
      flagged: [{ file: 'fixtures/word/poor-formatting.docx', what: 'a Word advert with light grey text on white' }],
      passes: [{ file: 'fixtures/word/well-made.docx', what: 'a Word advert in black on white' }],
    },
    fixable: false,
    origin: 'src/rules/low-contrast-text.ts',
  },
  check(context) {
    const page = context.doc.meta.pageColor ?? 'FFFFFF';
    for (const block of context.doc.blocks) {
      for (const run of block.style?.runs ?? []) {
        const text = block.text.slice(run.start, run.end).trim();
        if (text === '' || (run.color === null && run.background === null)) continue;
        const foreground = run.color ?? '000000';
        const background = run.background ?? page;
        const ratio = contrastRatio(foreground, background);
        const large = (run.sizePt ?? 0) >= 18 || (run.bold && (run.sizePt ?? 0) >= 14);
        const needed = large ? 3 : 4.5;
        if (ratio >= needed) continue;
        context.report({ block, start: run.start, end: run.end, messageId: 'low', data: { text, ratio: ratio.toFixed(1), needed } });
      }
    }
  },
};

export default rule;
