import { ruleTable } from '../helpers.js';

ruleTable('plain-language/recruitment-jargon', {
  valid: [
    'This is a permanent job.',
    'The salary is £28,000 pro rata (this is the full-time pay; you get a share based on your hours).',
    'We will do a criminal record check.',
    'Use the bank holiday to rest.',
  ],
  invalid: [
    { text: 'The salary is £28,000 pro rata.', flagged: ['pro rata'] },
    { text: 'Pay is £24,000 per annum.', flagged: ['per annum'], suggestions: ['a year'] },
    { text: 'This is a Substantive post in a busy MDT.', flagged: ['Substantive post', 'MDT'] },
    { text: 'You will work with a range of stakeholders.', flagged: ['stakeholders'] },
  ],
});
