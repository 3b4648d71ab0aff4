import { describe, expect, it } from 'vitest';
import { twelveHour } from '../../src/rules/time-format.js';
import { ruleTable } from '../helpers.js';

ruleTable('plain-language/time-format', {
  valid: [
    'The closing date is 11:59pm on Sunday 12 July 2026.',
    'Applications must reach us by noon on Friday 9 June 2027.',
    'Shifts are 7am to 7pm.',
    'Night shifts run from 8pm to midnight.',
    'Shifts are 9:30 to 5:30pm.',
    'The staffing ratio is 1:10 at night.',
    'Pay is £12.30 an hour.',
    'The pay is 17.00 an hour.',
    'Please arrive at 2pm.',
    'We have 14 beds and 30 staff.',
  ],
  invalid: [
    // Morning or evening?
    { text: 'Interviews start at 10:30.', expected: ['1:21-1:26 info plain-language/time-format noMeridiem'], suggestions: ['10:30am', '10:30pm'], message: 'Add “am” or “pm” to “10:30”: “10:30am” or “10:30pm”.' },
    {
      text: 'The closing date is midnight on 12 July.',
      expected: ['1:21-1:29 warning plain-language/time-format midnightDeadline'],
      suggestions: ['11:59pm'],
    },
    { text: 'Apply by 12am on Friday 3 July.', expected: ['1:10-1:14 warning plain-language/time-format midnightDeadline'] },
    { text: 'Shifts are 07:00 to 19:00.', expected: ['1:12-1:17 info plain-language/time-format twentyFour', '1:21-1:26 info plain-language/time-format twentyFour'], suggestions: ['7am'] },
    { text: 'Report at 1400hrs.', expected: ['1:11-1:18 info plain-language/time-format twentyFour'], suggestions: ['2pm'] },
    { text: 'Lunch is at 12pm.', expected: ['1:13-1:17 info plain-language/time-format twelve'], suggestions: ['midday'] },
    { text: 'Lunch is at 12 noon.', expected: ['1:13-1:20 info plain-language/time-format twelve'], suggestions: ['midday'] },
    { text: 'Arrive at 5.30pm.', expected: ['1:11-1:17 info plain-language/time-format dotted'], suggestions: ['5:30pm'] },
    { text: 'Arrive at 10:00am.', expected: ['1:11-1:18 info plain-language/time-format onTheHour'], suggestions: ['10am'] },
    { text: 'Arrive at 10 a.m. please.', expected: ['1:14-1:18 info plain-language/time-format meridiem'], suggestions: ['am'] },
    { text: 'Interviews from 10-11am.', expected: ['1:17-1:24 info plain-language/time-format range'], suggestions: ['10am to 11am'] },
    { text: 'Open 9am – 5pm.', expected: ['1:6-1:15 info plain-language/time-format range'], suggestions: ['9am to 5pm'] },
    { text: 'Applications close at 00:00 on 3 July.', expected: ['1:23-1:28 warning plain-language/time-format midnightDeadline'] },
  ],
});

describe('twelveHour', () => {
  it('writes 24-hour times the GOV.UK way', () => {
    expect([twelveHour(14, 0), twelveHour(9, 30), twelveHour(0, 0), twelveHour(12, 0), twelveHour(23, 59)]).toEqual([
      '2pm',
      '9:30am',
      'midnight',
      'midday',
      '11:59pm',
    ]);
  });
});
