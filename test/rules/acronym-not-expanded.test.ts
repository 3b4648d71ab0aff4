import { ruleTable } from '../helpers.js';

ruleTable('plain-language/acronym-not-expanded', {
  valid: [
    'Work for the NHS in the UK. Your GP can help.',
    'You will need a Disclosure and Barring Service (DBS) check. The DBS check is free.',
    'This is an Agenda for Change (AfC) Band 3 job. AfC pay goes up each year.',
    'You need a DBS (Disclosure and Barring Service) check.',
    'You will need a criminal record check (DBS).',
    'Our office is at 1 Main Street, London SE1 7EH.',
    'Job reference: 123-ABC-4567.',
    'WE ARE HIRING NOW IN LEWISHAM',
    'Read the job description (PDF, 45KB).',
    'Chapter IV covers pay.',
    'Ask about our GPs and A&E team.',
    { text: 'You need an SIA licence.', options: { knownAcronyms: ['SIA'] } },
    '# DBS checks\n\nWe pay for your Disclosure and Barring Service (DBS) check.',
    'Use `CAMHS` as the code.',
    'MAJOR DUTIES: you will help people.',
    'This contains BOLD, ITALIC and BOTH, as well as RED and YELLOW text.',
    'Read this NOW.',
  ],
  invalid: [
    {
      text: 'You will need a DBS check.',
      flagged: ['DBS'],
      suggestions: ['Disclosure and Barring Service (DBS)'],
      message: 'Spell out “DBS” the first time you use it: “Disclosure and Barring Service (DBS)”.',
      severity: 'warning',
    },
    { text: 'Experience in CAMHS. CAMHS is busy.', flagged: ['CAMHS'] },
    { text: 'Send it to the XYZ team.', flagged: ['XYZ'], suggestions: [], message: 'Spell out “XYZ” the first time you use it.' },
    {
      text: 'You need HCPC registration.\n\nThe Health and Care Professions Council (HCPC) checks this.',
      flagged: ['HCPC'],
      message: 'Spell out “HCPC” the first time you use it: you explain it later, so move the explanation here.',
    },
    { text: 'Our HCAs work with the DfE.', flagged: ['HCA', 'DfE'] },
    {
      text: 'You will need a Disclosure and Barring Service (DBS) check.',
      options: { profile: 'easy-read' },
      flagged: ['DBS'],
    },
    { text: 'We follow SEND guidance.', flagged: ['SEND'] },
    { text: 'We follow NICE guidance and HCPC rules.', flagged: ['NICE', 'HCPC'] },
  ],
});
