import { describe, expect, it } from 'vitest';
import { acronymData, isEverydayWord, isExplanation } from '../../src/rules/acronym-not-expanded.js';
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
    // English words in capitals are words, one or two at a time, in headings and table cells.
    '# MEDICAL RECEPTIONIST\n\nYou will welcome patients.',
    '## KEY DUTIES\n\nYou will book appointments.',
    'JOB PURPOSE',
    'MAIN RESPONSIBILITIES',
    'PERSON SPECIFICATION',
    '## ABOUT US\n\nWe are a GP surgery.',
    'PLEASE NOTE: this job closes early if we get many applications.',
    'HOW TO APPLY',
    'NB: interviews are on Monday.',
    'Please SEND your application by Friday.',
    '## LATEST NEWS\n\nWe have moved to a new building.',
    'Our ward runs a ROTA, and we welcome CARERS and LOCUM staff.',
    '| Criteria | ESSENTIAL | DESIRABLE |\n|---|---|---|\n| Experience of care work | Yes | No |',
    '| Hours | Pay |\n|---|---|\n| FULL TIME | £24,000 |',
    { text: '<table><tr><th>KEY SKILLS</th></tr><tr><td>Listening</td></tr></table>', format: 'html' },
    'We follow our CARE values.',
    // Degrees, post-nominal letters and qualifications.
    'You need a BSc, BA, MSc, MA or PhD in nursing.',
    'Dr Jane Okafor MBBS MRCP, and Dr Ali Khan MBChB MD MRCGP FRCS.',
    'You must be an RGN, RMN, RN or RNLD.',
    'You need an NVQ Level 3 in Health and Social Care (QCF or RQF), and GCSE English and maths.',
    'You need a BTEC, HND or PGCert.',
    // An expansion given earlier counts, in a paragraph, a table cell or a heading.
    'You must be registered with the Health and Care Professions Council.\n\nKeep your HCPC registration up to date.',
    '| Regulator | Health and Care Professions Council |\n|---|---|\n| Fee | £98 |\n\nKeep your HCPC registration up to date.',
    '## Health and Care Professions Council\n\nKeep your HCPC registration up to date.',
    'You will work in a multi-disciplinary team.\n\nThe MDT meets on Mondays.',
    'You need to be a member of the Royal College of Nursing.\n\nThe RCN can help you.',
    'Our Multi-Agency Safeguarding Hub is busy.\n\nYou will work in the MASH.',
    'Registration with the Nursing & Midwifery Council is essential. Bring your NMC PIN.',
    // Brackets and dashes that explain the letters.
    'You need a DBS (a criminal record check).',
    'You need a DBS (criminal records check).',
    'You need HCPC (Health and Care Professions Council) registration.',
    'You need NMC (Nursing & Midwifery Council) registration.',
    'You need a DBS – a criminal record check.',
    'Your NEWS2 (National Early Warning Score) training.',
    'We check with the Disclosure and Barring Service (formerly known as CRB).',
    // Names, postcodes, references and addresses are not acronyms.
    'Contact JOHN OKAFOR on 020 3192 6000.',
    'Contact Dr JANE SMITH or Mrs OKAFOR.',
    'DR JANE OKAFOR will meet you.',
    'Location: KENT',
    'Staff Nurse – LEWISHAM',
    'Job ref: 123-ABC',
    'Job ref: ABC-DEF',
    'Reference number: ABC/DEF',
    'Our office is in Lewisham, SE13.',
    'Email jobs.lewisham@nhs.net or visit www.LGT.nhs.uk.',
    'Go to nhsjobs.com or jobs.lgt.nhs.uk/apply.',
    "Work at King's College Hospital NHS Foundation Trust.",
    'Kent and Medway NHS Partnership Trust (KMPT) is hiring. KMPT is big.',
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
    // Acronyms that are also words are acronyms in capitals in a mixed-case line.
    { text: 'You will help people with PALS and set SMART goals.', flagged: ['PALS', 'SMART'], suggestions: ['Patient Advice and Liaison Service (PALS)'] },
    { text: 'Fill in MAR charts. We offer TOIL.', flagged: ['MAR', 'TOIL'] },
    { text: 'Refer people to the OH team.', flagged: ['OH'], suggestions: ['occupational health (OH)'] },
    { text: 'You will work as a PA to the director.', flagged: ['PA'], suggestions: [] },
    // A word in capitals next to an acronym does not hide it.
    { text: 'You will need an ENHANCED DBS check.', flagged: ['DBS'] },
    { text: '## KEY DUTIES\n\nWork in the MDT.', flagged: ['MDT'] },
    { text: '| Criteria | ESSENTIAL |\n|---|---|\n| NMC registration | Yes |', flagged: ['NMC'] },
    // Brackets that say something else are not an explanation.
    { text: 'You need NMC (essential) registration.', flagged: ['NMC'] },
    { text: 'HCPC (required)', flagged: ['HCPC'] },
    { text: 'You need a DBS (see below).', flagged: ['DBS'] },
    { text: 'Pay is on AfC (2024/25) rates.', flagged: ['AfC'] },
    { text: 'Work in an MDT (Band 5).', flagged: ['MDT'] },
    { text: 'Your ICB (if applicable).', flagged: ['ICB'] },
    { text: 'You need a DBS (enhanced check).', flagged: ['DBS'] },
    { text: 'Band 5 (AfC) pay.', flagged: ['AfC'] },
    { text: 'Staff Nurse – ITU – Band 5', flagged: ['ITU'] },
    { text: '## CAMHS – Lewisham\n\nWe are hiring.', flagged: ['CAMHS'] },
    // Real acronyms with vowels, in capitals, among other words.
    { text: 'You need IELTS or OET.', flagged: ['IELTS', 'OET'] },
    { text: 'Follow RIDDOR and COSHH rules.', flagged: ['RIDDOR', 'COSHH'] },
    { text: 'You will teach ALS, ILS and BLS.', flagged: ['ALS', 'ILS', 'BLS'] },
    { text: 'Support people with MS and COPD.', flagged: ['MS', 'COPD'] },
    { text: 'Speak to the Lewisham CAMHS team.', flagged: ['CAMHS'] },
    // An explanation in an earlier paragraph must be the full words, not only some of them.
    { text: 'You will join a friendly team.\n\nThe MDT meets on Mondays.', flagged: ['MDT'] },
    { text: 'Please see the attached JD & PS for full details.', flagged: ['JD', 'PS'] },
    { text: 'Come to Waldron Health Centre, Acton.\n\nMeet our HCA team.', flagged: ['HCA'] },
  ],
});

describe('acronyms.yml', () => {
  const { expansions, known, wordLike, words } = acronymData();
  it('lists as wordLike only acronyms that are English words', () => {
    expect([...wordLike].filter((acronym) => !isEverydayWord(acronym))).toEqual([]);
  });
  it('lists every other acronym with full words under expansions, which are not English words', () => {
    expect([...expansions.keys()].filter((acronym) => !wordLike.has(acronym) && isEverydayWord(acronym))).toEqual([]);
  });
  it('does not list a known acronym or qualification with full words too', () => {
    expect([...expansions.keys()].filter((acronym) => known.has(acronym))).toEqual([]);
  });
  it('lists health and care words in lower case', () => {
    expect([...words].filter((word) => word !== word.toLowerCase())).toEqual([]);
  });
});

describe('isExplanation', () => {
  it.each([
    ['Disclosure and Barring Service', 'DBS'],
    ['a criminal record check', 'DBS'],
    ['Agenda for Change', 'AfC'],
    ['the NHS pay scale', 'AfC'],
    ['Child and Adolescent Mental Health Services', 'CAMHS'],
  ])('“(%s)” explains %s', (inner, acronym) => expect(isExplanation(inner, acronym, undefined)).toBe(true));
  it.each([
    ['essential', 'NMC'],
    ['required', 'HCPC'],
    ['see below', 'DBS'],
    ['2024/25', 'AfC'],
    ['if applicable', 'PIN'],
    ['Band 5', 'MDT'],
    ['or equivalent', 'NMC'],
    ['enhanced check', 'DBS'],
  ])('“(%s)” does not explain %s', (inner, acronym) => expect(isExplanation(inner, acronym, undefined)).toBe(false));
});
