/**
 * `plain-language/date-format`: dates that are ambiguous or hard to read aloud. Numeric dates
 * (01/12/27) are read in US order by many people who learned English elsewhere, and are
 * warnings; ordinals (1st June), US order (June 1, 2026), shortened months (1 Jun) and hyphenated
 * ranges (3-5 June, Mon-Fri) are information.
 */
import { foldCase, mayMatch } from '../engine/scanner.js';
import type { Rule } from '../engine/rule.js';
import { SEEDS } from './seeds.js';

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const SHORT_MONTHS: Readonly<Record<string, number>> = {
  jan: 0, feb: 1, mar: 2, apr: 3, jun: 5, jul: 6, aug: 7, sep: 8, sept: 8, oct: 9, nov: 10, dec: 11,
};
const SHORT_DAYS: Readonly<Record<string, string>> = {
  mon: 'Monday', tue: 'Tuesday', tues: 'Tuesday', wed: 'Wednesday', thu: 'Thursday',
  thur: 'Thursday', thurs: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday',
};
const MONTH_NAMES = `(?:${MONTHS.join('|')}|${Object.keys(SHORT_MONTHS).join('|')})`;

const B = '(?<![\\p{L}\\p{N}/.-])';
const E = '(?![\\p{L}\\p{N}]|[/.-]\\d)';
/** 01/12/27, 1.12.2027, 01-12-2027 (same separator twice), and ISO 2027-12-01. */
const NUMERIC = new RegExp(`${B}(?:(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})|(\\d{4})-(\\d{2})-(\\d{2}))${E}`, 'gu');
/** 1st June, 22nd of June. */
const ORDINAL_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}])(\\d{1,2})(st|nd|rd|th)(\\s+of)?(?=\\s+${MONTH_NAMES}\\b)`, 'giu');
/** June 1st, June 1, 2026. */
const MONTH_FIRST = new RegExp(`(?<![\\p{L}])(${MONTH_NAMES})\\.?\\s+(\\d{1,2})(st|nd|rd|th)?(,?\\s+(\\d{4}))?(?![\\p{L}\\p{N}:]|\\.\\d)`, 'gu');
/** 1 Jun, 1 Sept 2026. */
const SHORT_MONTH = /(?<![\p{L}\p{N}])(\d{1,2})(?:st|nd|rd|th)?\s+(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?(?![\p{L}])/gu;
/** 3-5 June, 3 – 5 June. */
const DAY_RANGE = new RegExp(`(?<![\\p{L}\\p{N}£$.,:/])(\\d{1,2})\\s?[-–—]\\s?(\\d{1,2})(\\s+${MONTH_NAMES}\\b)`, 'gu');
/** Mon-Fri, Monday – Friday. */
const WEEKDAY_RANGE = /(?<![\p{L}])(Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\.?\s?[-–—]\s?(Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\.?(?![\p{L}])/gu;
/**
 * Whether a block may hold a match of each expression: most blocks lack the month or day names
 * they need. NUMERIC needs no word, so it has no test.
 */
const may = {
  ORDINAL_BEFORE: mayMatch(ORDINAL_BEFORE),
  MONTH_FIRST: mayMatch(MONTH_FIRST),
  SHORT_MONTH: mayMatch(SHORT_MONTH),
  DAY_RANGE: mayMatch(DAY_RANGE),
  WEEKDAY_RANGE: mayMatch(WEEKDAY_RANGE),
};

function monthIndex(name: string): number {
  const lower = name.toLowerCase();
  const full = MONTHS.findIndex((month) => month.toLowerCase() === lower);
  return full >= 0 ? full : (SHORT_MONTHS[lower] ?? -1);
}

function fullDay(name: string): string {
  return SHORT_DAYS[name.toLowerCase()] ?? name;
}

/** “Wednesday 1 December 2027” for a valid date, otherwise null. */
export function writeDate(day: number, month: number, year: number): string | null {
  const date = new Date(Date.UTC(year, month, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return null;
  return `${WEEKDAYS[date.getUTCDay()]} ${day} ${MONTHS[month]} ${year}`;
}

function fullYear(text: string): number {
  const value = Number(text);
  return text.length === 2 ? 2000 + value : value;
}

const rule: Rule = {
  meta: {
    id: 'plain-language/date-format',
    category: 'plain-language',
    severity: 'warning',
    pillar: 'inform',
    groups: ['migrants', 'neurodivergent', 'deaf'],
    description: 'Dates written in numbers, with ordinals, in US order, with shortened months or as hyphenated ranges.',
    note:
      'A date like 01/12/27 means 1 December in the UK and 12 January in the US, so people who learned English elsewhere can miss a closing date or an interview. Dates in words are also easier for screen readers and for people who find numbers hard.',
    seed: SEEDS.clearInformation,
    fix: 'Write dates as “Wednesday 1 December 2027”, and ranges as “3 June to 5 June” or “Monday to Friday”.',
    sources: ['GOV.UK style guide, “Dates”', 'NHS service manual, “Dates”'],
    messages: {
      numeric: 'Write the date in words, such as “{written}”: dates in numbers like “{actual}” are easy to misread.',
      numericAmbiguous: 'Write the date in words: “{actual}” could mean {first} or {second}.',
      ordinal: 'Write “{day} {month}”, without “{suffix}”.',
      usOrder: 'Write the day before the month: “{written}”.',
      shortMonth: 'Write the month in full: “{written}”.',
      dayRange: 'Use “to” in date ranges: “{written}”.',
      weekdayRange: 'Write the days in full, with “to”: “{written}”.',
    },
    examples: {
      flagged: ['Closing date: 01/12/27.', 'Interviews on 21st June.', 'Mon-Fri, 9am to 5pm.'],
      passes: ['Closing date: Wednesday 1 December 2027.', 'Monday to Friday, 9am to 5pm.'],
    },
    fixable: false,
    origin: 'src/rules/date-format.ts',
  },
  check(context) {
    for (const block of context.doc.blocks) {
      const text = block.text;
      if (!/\d|Mon|Tue|Wed|Thu|Fri|Sat|Sun/.test(text)) continue;
      const folded = foldCase(text);
      for (const match of text.matchAll(NUMERIC)) {
        const [actual, d, , m, y, isoY, isoM, isoD] = match;
        const day = Number(d ?? isoD);
        const month = Number(m ?? isoM) - 1;
        const year = fullYear(y ?? isoY ?? '');
        const start = match.index;
        const end = start + actual.length;
        const written = writeDate(day, month, year);
        // 12/25/2027 is not a UK date, but it is a US one.
        const usOrder = isoY ? null : writeDate(month + 1, day - 1, year);
        if (written && usOrder && written !== usOrder) {
          context.report({
            block, start, end, messageId: 'numericAmbiguous',
            data: { actual, first: written, second: usOrder }, suggestions: [written, usOrder],
          });
        } else if (written ?? usOrder) {
          const only = (written ?? usOrder) as string;
          context.report({
            block, start, end, messageId: 'numeric', data: { actual, written: only }, suggestions: [only],
          });
        }
      }
      if (may.ORDINAL_BEFORE(text, folded)) for (const match of text.matchAll(ORDINAL_BEFORE)) {
        const month = /\s+(\p{L}+)/u.exec(text.slice(match.index + match[0].length))?.[1] ?? '';
        const index = monthIndex(month);
        const monthName = index >= 0 ? (MONTHS[index] ?? month) : month;
        context.report({
          block, start: match.index, end: match.index + match[0].length, messageId: 'ordinal', severity: 'info',
          data: { day: match[1] ?? '', month: monthName, suffix: match[2] ?? '' }, suggestions: [match[1] ?? ''],
        });
      }
      if (may.MONTH_FIRST(text, folded)) for (const match of text.matchAll(MONTH_FIRST)) {
        const [actual, monthName = '', day = '', , , year] = match;
        const index = monthIndex(monthName);
        if (index < 0) continue;
        const written = `${day} ${MONTHS[index]}${year ? ` ${year}` : ''}`;
        context.report({
          block, start: match.index, end: match.index + actual.length, messageId: 'usOrder', severity: 'info',
          data: { written }, suggestions: [written],
        });
      }
      if (may.SHORT_MONTH(text, folded)) for (const match of text.matchAll(SHORT_MONTH)) {
        const [actual, day = '', short = ''] = match;
        const written = `${day} ${MONTHS[monthIndex(short)]}`;
        // Report only the month, unless another date finding already covers it.
        const start = match.index + actual.lastIndexOf(short);
        context.report({
          block, start, end: start + short.length + (actual.endsWith('.') ? 1 : 0), messageId: 'shortMonth', severity: 'info',
          data: { written }, suggestions: [MONTHS[monthIndex(short)] ?? short],
        });
      }
      if (may.DAY_RANGE(text, folded)) for (const match of text.matchAll(DAY_RANGE)) {
        const [actual, from = '', to = '', monthPart = ''] = match;
        const index = monthIndex(monthPart.trim());
        const monthName = index >= 0 ? (MONTHS[index] ?? monthPart.trim()) : monthPart.trim();
        const written = `${from} ${monthName} to ${to} ${monthName}`;
        context.report({
          block, start: match.index, end: match.index + actual.length, messageId: 'dayRange', severity: 'info',
          data: { written }, suggestions: [written],
        });
      }
      if (may.WEEKDAY_RANGE(text, folded)) for (const match of text.matchAll(WEEKDAY_RANGE)) {
        const [actual, from = '', to = ''] = match;
        const written = `${fullDay(from)} to ${fullDay(to)}`;
        context.report({
          block, start: match.index, end: match.index + actual.length, messageId: 'weekdayRange', severity: 'info',
          data: { written }, suggestions: [written],
        });
      }
    }
  },
};

export default rule;
