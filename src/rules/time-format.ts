/**
 * `plain-language/time-format`: times that are ambiguous or hard to read. “Midnight” (and 12am,
 * 00:00, 24:00) in a deadline can mean the start or the end of the day, so it is a warning there;
 * 24-hour times (14:00, 1400hrs), “12pm”, “12 noon”, “5.30pm”, “10:00am”, “a.m.”, hyphenated
 * ranges (10-11am) and times without am or pm (“at 10:30”) are information.
 */
import type { Block } from '../document/model.js';
import type { Sentence } from '../engine/analysis.js';
import { foldCase, mayMatch } from '../engine/scanner.js';
import type { Rule, RuleContext } from '../engine/rule.js';
import { SEEDS } from './seeds.js';

const DEADLINE =
  /\b(?:clos(?:e|es|ed|ing)|deadline|appl(?:y|ies|ication|ications)|submit(?:ted)?|return(?:ed)?|receive[ds]?|by|before|no later than|until|ends?)\b/iu;
const MIDNIGHT = /(?<![\p{L}])midnight(?![\p{L}])/giu;
const TWELVE = /(?<![\p{N}:.])12(?:[:.]00)?\s?(am|pm|a\.m\.|p\.m\.)(?![\p{L}])/giu;
const NOON = /(?<![\p{L}\p{N}])12\s?noon(?![\p{L}])/giu;
const CLOCK = /(?<![\p{N}:.£$€])([01]?\d|2[0-4])([:.])([0-5]\d)(\s?(?:hrs|hours|h)(?![\p{L}]))?(?!\s?(?:am|pm|a\.m\.|p\.m\.)|[\p{N}:]|\.\d)/giu;
const FOUR_DIGIT = /(?<![\p{N}:.£$€])([01]\d|2[0-4])([0-5]\d)\s?(?:hrs|hours|h)(?![\p{L}])/giu;
const DOTTED = /(?<![\p{N}:.£$€])(\d{1,2})\.([0-5]\d)\s?(am|pm)(?![\p{L}])/giu;
const ON_THE_HOUR = /(?<![\p{N}:.£$€])(\d{1,2}):00\s?(am|pm)(?![\p{L}])/giu;
const DOTTED_MERIDIEM = /(?<=\d\s?)(a\.m\.|p\.m\.)/giu;
const TIME = '\\d{1,2}(?:[:.][0-5]\\d)?\\s?(?:am|pm)?';
/** Words that say a number is a time: “at 10:30”, “from 9:15”, “Time: 10:15”. */
const TIME_WORDS = /\b(?:at|from|until|till|by|starts?|starting|begins?|finish(?:es)?|ends?|arrive|arrival|time|times|interviews?|appointment|meeting|shifts?|o'clock)\b/iu;
const RATIO = /\bratio\b/i;
const RANGE = new RegExp(`(?<![\\p{N}:.£$€])(${TIME})\\s?[-–—]\\s?(${TIME})(?![\\p{L}\\p{N}])`, 'giu');
/**
 * Whether a block may hold a match of each expression: most blocks lack the words they need
 * (“midnight”, “12”, “am”…). CLOCK needs no word, so it has no test.
 */
const may = {
  MIDNIGHT: mayMatch(MIDNIGHT),
  TWELVE: mayMatch(TWELVE),
  NOON: mayMatch(NOON),
  FOUR_DIGIT: mayMatch(FOUR_DIGIT),
  DOTTED: mayMatch(DOTTED),
  ON_THE_HOUR: mayMatch(ON_THE_HOUR),
  DOTTED_MERIDIEM: mayMatch(DOTTED_MERIDIEM),
  // A range is reported only with “am” or “pm” in it.
  RANGE: (_text: string, folded: string): boolean => folded.includes('am') || folded.includes('pm'),
};

/** “2pm”, “9:30am”, “midday” or “midnight” for a 24-hour time. */
export function twelveHour(hour: number, minute: number): string {
  if (minute === 0 && (hour === 0 || hour === 24)) return 'midnight';
  if (minute === 0 && hour === 12) return 'midday';
  const suffix = hour % 24 < 12 ? 'am' : 'pm';
  const h = hour % 12 === 0 ? 12 : hour % 12;
  return minute === 0 ? `${h}${suffix}` : `${h}:${String(minute).padStart(2, '0')}${suffix}`;
}

/** The sentence of `block` that `offset` is in, or the block when it is in none. */
function sentenceAt(context: RuleContext, block: Block, offset: number): Sentence | Block {
  return context.analysis.sentenceAt(block, offset) ?? block;
}

const rule: Rule = {
  meta: {
    id: 'plain-language/time-format',
    category: 'plain-language',
    severity: 'warning',
    pillar: 'inform',
    groups: ['migrants', 'neurodivergent'],
    description: '“Midnight” in a deadline, 24-hour times, “12pm”, “12 noon”, “5.30pm”, hyphenated time ranges and times without am or pm.',
    note:
      '“Midnight on 12 July” can mean the start or the end of that day, so people apply a day late or a day early. 24-hour times and “12pm” are read differently in different countries, which catches out people who learned English elsewhere and people who read literally.',
    seed: SEEDS.clearInformation,
    fix: 'Write “2pm”, “5:30pm”, “midday” and “10am to 11am”. For a deadline, write “11:59pm on Sunday 12 July 2026”.',
    sources: ['GOV.UK style guide, “Times”', 'NHS service manual, “Time”'],
    messages: {
      midnightDeadline: '“{actual}” can mean the start or the end of the day: write “11:59pm” and the day and date.',
      twelve: 'Write “{written}” instead of “{actual}”.',
      twentyFour: 'Write “{written}”: the 24-hour clock is easy to misread.',
      dotted: 'Write “{written}”, with a colon.',
      onTheHour: 'Write “{written}”: leave out “:00”.',
      meridiem: 'Write “{written}”, without full stops.',
      range: 'Use “to” in time ranges: “{written}”.',
      noMeridiem: 'Add “am” or “pm” to “{actual}”: “{written}” or “{other}”.',
    },
    examples: {
      flagged: ['The closing date is midnight on 12 July.', 'Shifts are 07:00 to 19:00.', 'Interviews from 10-11am.'],
      passes: ['The closing date is 11:59pm on Sunday 12 July 2026.', 'Shifts are 7am to 7pm.', 'Night shifts run from 8pm to midnight.'],
    },
    fixable: true,
    origin: 'src/rules/time-format.ts',
  },
  check(context) {
    for (const block of context.doc.blocks) {
      const text = block.text;
      if (!/\d|noon|midnight/i.test(text)) continue;
      const folded = foldCase(text);
      const report = (
        match: RegExpMatchArray & { index: number },
        messageId: string,
        written: string,
        options: { severity?: 'warning' | 'info'; safe?: boolean; written?: string; other?: string } = {},
      ): void => {
        context.report({
          block,
          start: match.index,
          end: match.index + match[0].length,
          messageId,
          data: { actual: match[0], written, other: options.other ?? '' },
          suggestions: options.other ? [written, options.other] : [written],
          severity: options.severity ?? 'info',
          ...(options.safe ? { safeFix: true } : {}),
        });
      };
      // Each sentence is searched once for each of these, however many times it has.
      const inSentence = (pattern: RegExp, offset: number): boolean => context.analysis.matches(pattern, sentenceAt(context, block, offset));
      const isDeadline = (match: { index: number }): boolean => inSentence(DEADLINE, match.index);

      if (may.MIDNIGHT(text, folded)) for (const match of text.matchAll(MIDNIGHT)) {
        if (isDeadline(match)) report(match, 'midnightDeadline', '11:59pm', { severity: 'warning' });
      }
      if (may.TWELVE(text, folded)) for (const match of text.matchAll(TWELVE)) {
        const pm = (match[1] ?? '').toLowerCase().startsWith('p');
        if (pm) report(match, 'twelve', 'midday', { safe: true });
        else if (isDeadline(match)) report(match, 'midnightDeadline', '11:59pm', { severity: 'warning' });
        else report(match, 'twelve', 'midnight');
      }
      if (may.NOON(text, folded)) for (const match of text.matchAll(NOON)) report(match, 'twelve', 'midday', { safe: true });
      for (const match of text.matchAll(CLOCK)) {
        const [, hourText = '', separator, minuteText = '', hours] = match;
        const hour = Number(hourText);
        const minute = Number(minuteText);
        if (hour > 24 || (hour === 24 && minute > 0)) continue;
        // 10:30 could be a twelve-hour time: only clear 24-hour times are flagged. With a full
        // stop, 17.00 may be money or a decimal, so it needs a leading zero or “hrs”.
        const leadingZero = hourText.length === 2 && hourText.startsWith('0');
        const clear = hours !== undefined || leadingZero || (separator === ':' && (hour >= 13 || hour === 0 || hour === 24));
        if (!clear) {
          // “Interviews start at 10:30”: morning or evening? Only for a time said as one (“at”,
          // “from”, “Time:”), not a ratio or a score, and not when am or pm follows in a range.
          const rest = text.slice(match.index + match[0].length, match.index + match[0].length + 16);
          if (separator === ':' && hour >= 1 && hour <= 12 && inSentence(TIME_WORDS, match.index) && !inSentence(RATIO, match.index) && !/^\s?(?:[-–—]|to)\s?\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm)/i.test(rest)) {
            report(match, 'noMeridiem', `${match[0]}am`, { written: `${match[0]}am`, other: `${match[0]}pm` });
          }
          continue;
        }
        const written = twelveHour(hour, minute);
        if (written === 'midnight' && isDeadline(match)) report(match, 'midnightDeadline', '11:59pm', { severity: 'warning' });
        else report(match, 'twentyFour', written);
      }
      if (may.FOUR_DIGIT(text, folded)) for (const match of text.matchAll(FOUR_DIGIT)) {
        report(match, 'twentyFour', twelveHour(Number(match[1]), Number(match[2])));
      }
      if (may.DOTTED(text, folded)) for (const match of text.matchAll(DOTTED)) {
        const [, hour = '', minute = '', suffix = ''] = match;
        report(match, 'dotted', `${Number(hour)}:${minute}${suffix.toLowerCase()}`, { safe: true });
      }
      if (may.ON_THE_HOUR(text, folded)) for (const match of text.matchAll(ON_THE_HOUR)) {
        const [, hour = '', suffix = ''] = match;
        if (hour === '12') continue;
        report(match, 'onTheHour', `${Number(hour)}${suffix.toLowerCase()}`, { safe: true });
      }
      if (may.DOTTED_MERIDIEM(text, folded)) for (const match of text.matchAll(DOTTED_MERIDIEM)) {
        report(match, 'meridiem', (match[1] ?? '').replace(/\./g, '').toLowerCase(), { safe: true });
      }
      if (may.RANGE(text, folded)) for (const match of text.matchAll(RANGE)) {
        const [, from = '', to = ''] = match;
        if (!/am|pm/i.test(from + to)) continue;
        const suffix = /(am|pm)\s*$/i.exec(to)?.[1]?.toLowerCase() ?? '';
        const tidy = (time: string): string =>
          time.replace(/\s+/g, '').replace(/\./, ':').replace(/:00/, '').toLowerCase();
        const start = /am|pm/i.test(from) ? tidy(from) : `${tidy(from)}${suffix}`;
        report(match, 'range', `${start} to ${tidy(to)}`);
      }
    }
  },
};

export default rule;
