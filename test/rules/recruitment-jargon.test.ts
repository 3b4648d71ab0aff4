import { ruleTable } from '../helpers.js';

ruleTable('plain-language/recruitment-jargon', {
  valid: [
    'This is a permanent job.',
    'The salary is £28,000 pro rata (this is the full-time pay; you get a share based on your hours).',
    'We will do a criminal record check.',
    'Use the bank holiday to rest.',
    // “DNA” as the genetic code is well known; only the NHS shorthand is jargon.
    'You will test DNA samples in the lab.',
    'You will have a supernumerary period (time working alongside the team while you learn).',
  ],
  invalid: [
    { text: 'The salary is £28,000 pro rata.', flagged: ['pro rata'] },
    { text: 'Pay is £24,000 per annum.', flagged: ['per annum'], suggestions: ['a year'] },
    { text: 'This is a Substantive post in a busy MDT.', flagged: ['Substantive post', 'MDT'] },
    { text: 'You will work with a range of stakeholders.', flagged: ['stakeholders'] },
    { text: 'Join our domiciliary care team as a domiciliary carer.', flagged: ['domiciliary care', 'domiciliary'], suggestions: ['home care'] },
    { text: 'You will have a 4-week supernumerary period and a preceptorship programme.', flagged: ['supernumerary period', 'preceptorship programme'] },
    { text: 'You will manage a caseload. This is a rotational post.', flagged: ['caseload', 'rotational post'] },
    { text: 'We support your revalidation and V300 prescribing.', flagged: ['revalidation', 'V300'] },
    { text: 'Use the DNA tool to cut DNA rates.', flagged: ['DNA tool', 'DNA rates'], suggestions: ['missed-appointment'] },
  ],
});
