/**
 * `required-content/missing-closing-date`: an advert with no closing date (an error), or one
 * without the day of the week or the time (a warning). “Midnight” is reported by
 * plain-language/time-format.
 */
import { documentText, hasNoText } from '../engine/document-text.js';
import type { Block } from '../document/model.js';
import type { Rule } from '../engine/rule.js';
import { SEEDS } from './seeds.js';

const MONTHS = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DATE = new RegExp(`(?<![\\p{L}\\p{N}])(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTHS}(?![\\p{L}])(?:\\s+\\d{4})?|${MONTHS}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2})(?![\\p{N}])`, 'iu');
const WEEKDAY = /(?<![\p{L}])(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?(?![\p{L}])/iu;
const TIME = /(?<![\p{N}])\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|(?<![\p{L}])(?:midday|midnight|noon)(?![\p{L}])|(?<![\p{N}:.])(?:[01]?\d|2[0-4])[:.][0-5]\d(?![\p{N}])/iu;
const DEADLINE = /\b(?:closing\s+date|clos(?:es|ing)\b|deadline|apply\s+(?:by|before)|applications?\s+(?:must\s+be\s+(?:in|received|submitted)|close|by|before)|no\s+later\s+than|last\s+date|(?:reach(?:es)?|gets?\s+to)\s+us\s+(?:by|before)|(?:received|submitted|returned|sent\s+in|in)\s+(?:to\s+us\s+)?(?:by|before)\s+(?:\d|noon|midday|midnight|mon|tue|wed|thu|fri|sat|sun)|(?:by|before)\s+(?:\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm)|noon|midday|midnight)\s+(?:on\s+)?(?:mon|tue|wed|thu|fri|sat|sun))/iu;
/** A block that is only the label of a closing date, with the date in the next block (a table row or a heading). */
// `(?:\s*:)?\s*$`, not `\s*:?\s*$`: the same text, but two runs of white space side by side try
// every way of sharing a long run between them.
const DEADLINE_LABEL = /^\s*(?:closing\s+date|deadline|apply\s+by)(?:\s*:)?\s*$/iu;
const ROLLING = /\b(?:no\s+closing\s+date|rolling\s+(?:basis|recruitment)|ongoing\s+recruitment|as\s+(?:they|applications)\s+(?:come\s+in|are\s+received))\b/iu;

const rule: Rule = {
  meta: {
    id: 'required-content/missing-closing-date',
    category: 'required-content',
    severity: 'error',
    pillar: 'inform',
    groups: ['everyone'],
    description: 'An advert with no closing date, or a closing date without the day of the week and the time.',
    note: 'A closing date without a time leaves people guessing whether they can apply on the day itself; a date without the day of the week is easy to misread. People who work shifts or care for someone need the exact deadline to plan when to apply.',
    seed: SEEDS.clearInformation,
    fix: 'Give the closing date with the day, date and time — “Closing date: 11:59pm on Sunday 12 July 2026”.',
    sources: ['GOV.UK style guide, “Dates” and “Times” (midnight can be read two ways)'],
    messages: {
      missing: 'Give a closing date, with the day, date and time, for example “Closing date: 11:59pm on Sunday 12 July 2026”.',
      incomplete: 'Add the {parts} to the closing date, for example “11:59pm on Sunday 12 July 2026”.',
    },
    examples: {
      flagged: ['Send us your CV.', 'The closing date is 12 July.'],
      passes: ['The closing date is 11:59pm on Sunday 12 July 2026.'],
    },
    fixable: false,
    origin: 'src/rules/missing-closing-date.ts',
    appliesTo: { advert: 'error' },
  },
  check(context) {
    const { doc } = context;
    if (hasNoText(doc)) return;
    const topic = { ruleId: 'required-content/missing-closing-date', topic: 'closing date', pillar: 'inform' as const, groups: ['everyone' as const] };
    if (ROLLING.test(documentText(doc))) {
      context.recordTopic({ ...topic, present: true });
      return;
    }
    // The most complete closing date wins: a job board's “Closing date: 14/01/2027” row and the
    // advert's own “Applications must reach us by noon on Friday 14 January” are the same date.
    let incomplete: { readonly target: { block: Block; start?: number; end?: number }; readonly parts: string } | null = null;
    for (const block of doc.blocks) {
      for (const sentence of context.analysis.of(block).sentences) {
        if (!DEADLINE.test(sentence.text)) continue;
        const label = block.kind === 'heading' || DEADLINE_LABEL.test(sentence.text);
        const nextText = label ? (doc.blocks[block.index + 1]?.text ?? '') : '';
        const text = `${sentence.text} ${nextText}`;
        const date = DATE.exec(text);
        if (!date) continue;
        const missing = [WEEKDAY.test(text) ? null : 'day of the week', TIME.test(text) ? null : 'time'].filter((part): part is string => part !== null);
        if (missing.length === 0) {
          context.recordTopic({ ...topic, present: true });
          return;
        }
        if (incomplete) continue;
        const inSentence = date.index < sentence.text.length;
        const next = doc.blocks[block.index + 1];
        const target = inSentence ? { block, start: sentence.start + date.index, end: sentence.start + date.index + date[0].length } : { block: next ?? block };
        incomplete = { target, parts: missing.join(' and the ') };
      }
    }
    if (incomplete) {
      context.recordTopic({ ...topic, present: true });
      context.report({ ...incomplete.target, messageId: 'incomplete', data: { parts: incomplete.parts }, severity: 'warning' });
      return;
    }
    context.recordTopic({ ...topic, present: false });
    context.report({ messageId: 'missing', suggestions: ['Closing date: 11:59pm on Sunday 12 July 2026.'] });
  },
};

export default rule;
