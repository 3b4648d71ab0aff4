import { ruleTable } from '../helpers.js';

ruleTable('plain-language/recruitment-jargon', {
  valid: [
    'This is a permanent job.',
    'The salary is £28,000 pro rata (this is the full-time pay; you get a share based on your hours).',
    'We will do a criminal record check.',
    'Use the bank holiday to rest.',
    // “DNA” as the genetic code is well known; only the NHS shorthand is jargon.
    'You will test DNA samples in the lab.',
    'The Police and Crime Commissioner funds this post.',
    'Our HCAs are friendly.',
    'You will have a supernumerary period (time working alongside the team while you learn).',
    'Pay is £28,000 pro rata (the full-time pay; you get a share based on your hours). Part-time pay is pro rata.',
  ],
  invalid: [
    { text: 'The salary is £28,000 pro rata.', flagged: ['pro rata'] },
    { text: 'Pay is £24,000 per annum.', flagged: ['per annum'], suggestions: ['a year'] },
    { text: 'This is a Substantive post in a busy MDT.', flagged: ['Substantive post', 'MDT'] },
    { text: 'You will work with a range of stakeholders.', flagged: ['stakeholders'] },
    // Each term once, at its first use, unless that use is explained.
    { text: 'Join our domiciliary care team as a domiciliary carer.', flagged: ['domiciliary care'], suggestions: ['home care'] },
    { text: 'Join our staff bank.\n\nBank staff choose their shifts.', flagged: ['staff bank'] },
    { text: 'Work in our MDT.\n\nThe multi-disciplinary team (the doctors, nurses and therapists) meets daily.', flagged: ['MDT'] },
    { text: 'You will have a 4-week supernumerary period and a preceptorship programme.', flagged: ['supernumerary period', 'preceptorship programme'] },
    { text: 'You will manage a caseload. This is a rotational post.', flagged: ['caseload', 'rotational post'] },
    { text: 'We support your revalidation and V300 prescribing.', flagged: ['revalidation', 'V300'] },
    { text: 'Escort patients on Section 17 leave, and attend Early Help panels.', flagged: ['Section 17 leave', 'Early Help panels'] },
    { text: 'Plus High Cost Area Supplement. Review care packages with commissioners.', flagged: ['High Cost Area Supplement', 'care packages', 'commissioners'] },
    { text: 'Support D2A, psychosocial interventions and sleep-ins. The interview is competency-based.', flagged: ['D2A', 'psychosocial interventions', 'sleep-ins', 'competency-based'] },
    // An amount in brackets does not explain the term.
    { text: 'Pay: £24,071 per annum pro rata (0.8 WTE).', flagged: ['per annum', 'pro rata', 'WTE'] },
    { text: 'Pay: £26,500 per annum (pro rata for part-time).', flagged: ['per annum', 'pro rata'] },
    { text: 'Record the results on SystmOne.', flagged: ['SystmOne'] },
    // The suggestion fits whichever system is named: it never swaps EMIS Web for another product.
    { text: 'Book appointments on EMIS Web.', flagged: ['EMIS Web'], suggestions: ['our patient records system — we will train you to use it'] },
    { text: 'Use the DNA tool to cut DNA rates.', flagged: ['DNA tool'], suggestions: ['missed-appointment'] },
  ],
});
