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
// Tried from a place, where no letter or digit comes before it (see `typedCaps`).
const TYPED_CAPS = /(?:\p{Lu}[\p{Lu}'’-]+[!?]*[\s,&/]+){2,}\p{Lu}[\p{Lu}'’-]+(?![\p{L}\p{N}])/uy;
const CAPS_WORD_CHAR = /^[\p{Lu}'’-]$/u;
/** What every match of `TYPED_CAPS` starts with. */
const MAY_BE_TYPED_CAPS = /\p{Lu}[\p{Lu}'’-]/u;
const UPPER = /^\p{Lu}$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * The typed capitals of `text`, as `text.matchAll(/(?<![\p{L}\p{N}])` + `TYPED_CAPS` + `/gu)` finds
 * them, but tried only from the first place of each run of capitals, apostrophes and hyphens
 * where a match may start: every such place of a run reaches the same end of the run before
 * anything else is matched, so if the first fails they all do, and trying each (“A'A'A'…”) takes
 * time that grows with the square of the run.
 */
function* typedCaps(text: string): Generator<{ start: number; end: number; text: string }> {
  let tried = false;
  let inRun = false;
  let previous = '';
  for (let index = 0; index < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(index) ?? 0);
    if (!CAPS_WORD_CHAR.test(char)) {
      inRun = false;
    } else {
      if (!inRun) {
        inRun = true;
        tried = false;
      }
      if (!tried && UPPER.test(char) && !LETTER_OR_DIGIT.test(previous)) {
        tried = true;
        TYPED_CAPS.lastIndex = index;
        const match = TYPED_CAPS.exec(text);
        if (match) {
          const end = index + match[0].length;
          yield { start: index, end, text: match[0] };
          // Go on after the match, as a global search would, from a fresh run.
          // (What ends a match is never followed by a letter or digit, so no match starts just after it.)
          previous = '';
          index = end;
          inRun = false;
          continue;
        }
      }
    }
    previous = char;
    index += char.length;
  }
}

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
      // A typed run starts with two capitals (or a capital and an apostrophe or hyphen): most blocks have none.
      const typed = !MAY_BE_TYPED_CAPS.test(block.text) || isShortTitle(block.text)
        ? []
        : [...typedCaps(block.text)].filter((match) => match.text.split(/[\s,&/]+/).some((word) => word.replace(/[^\p{L}]/gu, '').length >= 5)).map(({ start, end }) => ({ start, end }));
      for (const range of mergeRanges([...formatted, ...typed], block.text)) {
        context.report({ ...range, block, messageId: 'caps', data: { text: block.text.slice(range.start, range.end) } });
      }
    }
  },
};

export default rule;
