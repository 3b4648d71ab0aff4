import { ruleTable } from '../helpers.js';

ruleTable('plain-language/date-format', {
  valid: [
    'Closing date: Wednesday 1 December 2027.',
    'Monday to Friday, 9am to 5pm.',
    'Pay is £24,000 to £27,000 a year.',
    'Call 020 7946 0000.',
    'Read section 2.1 of the policy.',
    'Interviews in June 2026.',
    'We are open 24/7.',
    'Version 1.2.3 of the form.',
    'You may 2 or 3 times a week.',
  ],
  invalid: [
    {
      text: 'Closing date: 01/12/27.',
      expected: ['1:15-1:23 warning plain-language/date-format numericAmbiguous'],
      message: 'Write the date in words: “01/12/27” could mean Wednesday 1 December 2027 or Tuesday 12 January 2027.',
      suggestions: ['Wednesday 1 December 2027', 'Tuesday 12 January 2027'],
    },
    {
      text: 'Apply by 25/12/2027.',
      expected: ['1:10-1:20 warning plain-language/date-format numeric'],
      suggestions: ['Saturday 25 December 2027'],
      message: 'Write the date in words, such as “Saturday 25 December 2027”: dates in numbers like “25/12/2027” are easy to misread.',
    },
    { text: 'Starts 12/25/2027.', expected: ['1:8-1:18 warning plain-language/date-format numeric'], suggestions: ['Saturday 25 December 2027'] },
    { text: 'Interviews on 1.6.26 and 2027-03-04.', expected: ['1:15-1:21 warning plain-language/date-format numericAmbiguous', '1:26-1:36 warning plain-language/date-format numeric'] },
    { text: 'Interviews on 21st June.', expected: ['1:15-1:19 info plain-language/date-format ordinal'], suggestions: ['21'] },
    { text: 'Interviews on the 3rd of July.', expected: ['1:19-1:25 info plain-language/date-format ordinal'] },
    { text: 'Interviews on June 1, 2026.', expected: ['1:15-1:27 info plain-language/date-format usOrder'], suggestions: ['1 June 2026'] },
    { text: 'Interviews on 1 Sept 2026.', expected: ['1:17-1:21 info plain-language/date-format shortMonth'], suggestions: ['September'] },
    { text: 'Training runs 3-5 June.', expected: ['1:15-1:23 info plain-language/date-format dayRange'], suggestions: ['3 June to 5 June'] },
    { text: 'Mon-Fri, 9am to 5pm.', expected: ['1:1-1:8 info plain-language/date-format weekdayRange'], suggestions: ['Monday to Friday'] },
  ],
});
