import { ruleTable } from '../helpers.js';

ruleTable('plain-language/simpler-words', {
  valid: [
    'Tell us about any reasonable adjustments you need.',
    'We accept equivalent qualifications from other countries.',
    'You will be paid at least the National Minimum Wage.',
    'We offer employee benefits and financial assistance.',
    'We monitor equality. The selection process has two steps.',
    'Give us your address and any type of ID.',
    'You need a work permit.',
    'We look forward to meeting you.',
    'You will reflect on your practice with your manager.',
  ],
  invalid: [
    {
      text: 'We will commence your induction prior to your first shift.',
      flagged: ['commence', 'prior to'],
      suggestions: ['start', 'begin'],
      severity: 'info',
      message: 'Use “start” or “begin” instead of “commence”.',
    },
    { text: 'Remuneration is reviewed each year.', flagged: ['Remuneration'], suggestions: ['Pay', 'Payment'] },
    { text: 'We utilise a number of systems in order to help.', flagged: ['utilise', 'a number of', 'in order to'] },
    { text: 'You will be in the process of training.', flagged: ['in the process of'], message: 'Leave out “in the process of”: it adds nothing.' },
  ],
});
