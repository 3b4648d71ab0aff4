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
      flagged: ['01/12/27'],
      message: 'Write the date in words: “01/12/27” could mean Wednesday 1 December 2027 or Tuesday 12 January 2027.',
      suggestions: ['Wednesday 1 December 2027', 'Tuesday 12 January 2027'],
      severity: 'warning',
    },
    {
      text: 'Apply by 25/12/2027.',
      flagged: ['25/12/2027'],
      suggestions: ['Saturday 25 December 2027'],
      message: 'Write the date in words, such as “Saturday 25 December 2027”: dates in numbers like “25/12/2027” are easy to misread.',
    },
    { text: 'Starts 12/25/2027.', flagged: ['12/25/2027'], suggestions: ['Saturday 25 December 2027'] },
    { text: 'Interviews on 1.6.26 and 2027-03-04.', flagged: ['1.6.26', '2027-03-04'] },
    { text: 'Interviews on 21st June.', flagged: ['21st'], severity: 'info', suggestions: ['21'] },
    { text: 'Interviews on the 3rd of July.', flagged: ['3rd of'] },
    { text: 'Interviews on June 1, 2026.', flagged: ['June 1, 2026'], suggestions: ['1 June 2026'] },
    { text: 'Interviews on 1 Sept 2026.', flagged: ['Sept'], suggestions: ['September'] },
    { text: 'Training runs 3-5 June.', flagged: ['3-5 June'], suggestions: ['3 June to 5 June'] },
    { text: 'Mon-Fri, 9am to 5pm.', flagged: ['Mon-Fri'], suggestions: ['Monday to Friday'] },
  ],
});
