import { ruleTable } from '../helpers.js';

ruleTable('plain-language/latin-abbreviation', {
  valid: [
    'Bring ID, for example a passport.',
    'The egg and cress sandwiches are popular.',
    'Our office is at 3 Ie Street.',
    'Contact us at jobs@example.org.',
    'Dr Smith and Professor Jones.',
  ],
  invalid: [
    { text: 'Bring ID, e.g. a passport.', flagged: ['e.g.'], suggestions: ['for example', 'such as', 'like'], severity: 'warning', message: 'Write “for example”, “such as” or “like” instead of “e.g.”.' },
    { text: 'Bring ID, eg a passport, or ie a licence.', flagged: ['eg', 'ie'] },
    { text: 'You will do personal care, meals etc.', flagged: ['etc.'], message: 'Finish the list, or write “and so on”, instead of “etc.”.' },
    { text: 'Smith et al. found this, i.e. that it helps.', flagged: ['et al.', 'i.e.'] },
    { text: 'You will do other ad hoc duties. NB: bring lunch.', flagged: ['ad hoc', 'NB:'] },
  ],
});
