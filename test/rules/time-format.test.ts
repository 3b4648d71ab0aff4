import { describe, expect, it } from 'vitest';
import { twelveHour } from '../../src/rules/time-format.js';
import { ruleTable } from '../helpers.js';

ruleTable('plain-language/time-format', {
  valid: [
    'The closing date is 11:59pm on Sunday 12 July 2026.',
    'Applications must reach us by noon on Friday 9 June 2027.',
    'Shifts are 7am to 7pm.',
    'Night shifts run from 8pm to midnight.',
    'Interviews start at 10:30.',
    'Pay is £12.30 an hour.',
    'The pay is 17.00 an hour.',
    'Please arrive at 2pm.',
    'We have 14 beds and 30 staff.',
  ],
  invalid: [
    {
      text: 'The closing date is midnight on 12 July.',
      flagged: ['midnight'],
      severity: 'warning',
      suggestions: ['11:59pm'],
    },
    { text: 'Apply by 12am on Friday 3 July.', flagged: ['12am'], severity: 'warning' },
    { text: 'Shifts are 07:00 to 19:00.', flagged: ['07:00', '19:00'], suggestions: ['7am'], severity: 'info' },
    { text: 'Report at 1400hrs.', flagged: ['1400hrs'], suggestions: ['2pm'] },
    { text: 'Lunch is at 12pm.', flagged: ['12pm'], suggestions: ['midday'] },
    { text: 'Lunch is at 12 noon.', flagged: ['12 noon'], suggestions: ['midday'] },
    { text: 'Arrive at 5.30pm.', flagged: ['5.30pm'], suggestions: ['5:30pm'] },
    { text: 'Arrive at 10:00am.', flagged: ['10:00am'], suggestions: ['10am'] },
    { text: 'Arrive at 10 a.m. please.', flagged: ['a.m.'], suggestions: ['am'] },
    { text: 'Interviews from 10-11am.', flagged: ['10-11am'], suggestions: ['10am to 11am'] },
    { text: 'Open 9am – 5pm.', flagged: ['9am – 5pm'], suggestions: ['9am to 5pm'] },
    { text: 'Applications close at 00:00 on 3 July.', flagged: ['00:00'], severity: 'warning' },
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
