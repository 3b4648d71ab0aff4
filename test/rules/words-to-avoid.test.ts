import { ruleTable } from '../helpers.js';

ruleTable('plain-language/words-to-avoid', {
  valid: [
    'You will be a key worker for two residents.',
    'We support foster carers and foster children across Lewisham.',
    'You will deliver personal care, and support midwives to deliver babies.',
    'We deliver training and services to 300 people.',
    'NHS Agenda for Change pay rates apply.',
    'The key to the office is at reception. Use the key safe.',
    'You could be promoted to Band 4, and we promote staff from within.',
    'Physiotherapists lead strengthening exercises.',
    'The impact of your work will be huge.',
    'You must hold a full driving licence to drive the minibus.',
    'Please read the agenda items before the meeting.',
  ],
  invalid: [
    { text: 'You will liaise with families going forward.', flagged: ['liaise', 'going forward'], suggestions: ['work with'], severity: 'warning', message: 'Avoid “liaise”: work with.' },
    { text: 'We utilise a robust system in order to facilitate care.', flagged: ['utilise', 'robust', 'in order to', 'facilitate'] },
    { text: 'We utilised it.', flagged: ['utilised'], suggestions: ['used'], message: 'Write “used” instead of “utilised”.' },
    { text: 'You will deliver improvements and drive change.', flagged: ['deliver', 'drive change'] },
    { text: 'This will impact on patients and has impacted staff.', flagged: ['impact', 'impacted'] },
    { text: 'The key skills are listed below.', flagged: ['key'] },
    { text: 'We empower people and tackle loneliness.', flagged: ['empower', 'tackle'] },
    { text: 'We promote independence.', flagged: ['promote'], severity: 'info' },
    { text: 'Funding is ring-fenced for this one-stop shop.', flagged: ['ring-fenced', 'one-stop shop'] },
    { text: 'Help us to land the new contract and focus on quality.', flagged: ['land', 'focus on'] },
  ],
});
