/**
 * `formatting/all-caps`: text in capitals — set by formatting (Word's “All caps”), or typed as
 * three or more capitalised words in a row that are not acronyms. A short line wholly in
 * capitals (a job title) is not reported.
 */
import type { Rule } from '../engine/rule.js';
import { SEEDS } from './seeds.js';
import { mergeRanges } from './underline-not-link.js';

/** Three or more words of capitals, at least one of five letters or more (so not a run of acronyms). */
// Words may be parted by spaces, commas, slashes and shouting marks: “URGENTLY REQUIRED!!! START ASAP!!!”.
const TYPED_CAPS = /(?<![\p{L}\p{N}])(?:\p{Lu}[\p{Lu}'’-]+[!?]*[\s,&/]+){2,}\p{Lu}[\p{Lu}'’-]+(?![\p{L}\p{N}])/gu;

/** Words a line wholly in capitals may have and still be a title (“NIGHT CARE ASSISTANT - BEXLEYHEATH”). */
const TITLE_WORDS = 8;

/**
 * True when the capitals are a whole short line — a job title or a label typed in capitals, not a
 * passage. GOV.UK and the British Dyslexia Association warn against capitals for running text; a
 * title of a few words is not what makes a document hard to read.
 */
function isShortTitle(blockText: string): boolean {
  const line = blockText.trim();
  return !/\p{Ll}/u.test(line) && line.split(/\s+/).length <= TITLE_WORDS && !/[.!?]$/.test(line);
}

const rule: Rule = {
  meta: {
    id: 'formatting/all-caps',
    category: 'formatting',
    severity: 'warning',
    pillar: 'support',
    groups: ['neurodivergent'],
    description: 'Passages in capitals, by formatting or typed, other than acronyms.',
    note: 'Words in capitals all have the same rectangular shape, so they are harder to recognise and slower to read — especially for people with dyslexia. Capitals can also read as shouting.',
    seed: SEEDS.accessibleDocuments,
    fix: 'Write in sentence case. Use a heading or bold for emphasis instead.',
    sources: ['GOV.UK style guide, “Capitalisation”', 'NHS service manual, “Capitalisation”', 'British Dyslexia Association style guide'],
    messages: { caps: '“{text}” is in capitals: write it in sentence case.' },
    examples: { flagged: ['PLEASE READ THE JOB DESCRIPTION BEFORE YOU APPLY.'], passes: ['You need an NHS DBS check.', 'Please read the job description.'] },
    fixable: false,
    origin: 'src/rules/all-caps.ts',
  },
  check(context) {
    for (const block of context.doc.blocks) {
      const formatted = (block.style?.runs ?? []).filter((run) => run.caps && /\p{Ll}/u.test(block.text.slice(run.start, run.end)));
      const typed = [...block.text.matchAll(TYPED_CAPS)]
        .filter((match) => match[0].split(/[\s,&/]+/).some((word) => word.replace(/[^\p{L}]/gu, '').length >= 5))
        .filter(() => !isShortTitle(block.text))
        .map((match) => ({ start: match.index, end: match.index + match[0].length }));
      for (const range of mergeRanges([...formatted, ...typed], block.text)) {
        context.report({ ...range, block, messageId: 'caps', data: { text: block.text.slice(range.start, range.end) } });
      }
    }
  },
};

export default rule;
