import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleData } from '../../src/packs/data.js';
import { acronymData, isEverydayWord, isExplanation, nameWords } from '../../src/rules/acronym-not-expanded.js';
import { ruleTable } from '../helpers.js';

ruleTable('plain-language/acronym-not-expanded', {
  valid: [
    'Work for the NHS in the UK. Your GP can help.',
    'You will need a Disclosure and Barring Service (DBS) check. The DBS check is free.',
    'This is an Agenda for Change (AfC) Band 3 job. AfC pay goes up each year.',
    'You need a DBS (Disclosure and Barring Service) check.',
    'You need a DBS check (a criminal record check).',
    'Give your NMC registration (your nursing registration number) on the form.',
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
    'Join our NEW pension scheme and get FREE training.',
    'You MUST bring ID.',
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
      expected: ['1:17-1:20 warning plain-language/acronym-not-expanded notExpanded'],
      suggestions: ['Disclosure and Barring Service (DBS)'],
      message: 'Spell out “DBS” the first time you use it: “Disclosure and Barring Service (DBS)”.',
    },
    { text: 'Experience in CAMHS. CAMHS is busy.', expected: ['1:15-1:20 warning plain-language/acronym-not-expanded notExpanded'] },
    { text: 'Send it to the XYZ team.', expected: ['1:16-1:19 warning plain-language/acronym-not-expanded notExpanded'], suggestions: [], message: 'Spell out “XYZ” the first time you use it.' },
    {
      text: 'You need HCPC registration.\n\nThe Health and Care Professions Council (HCPC) checks this.',
      expected: ['1:10-1:14 warning plain-language/acronym-not-expanded definedLater'],
      message: 'Spell out “HCPC” the first time you use it: you explain it later, so move the explanation here.',
    },
    { text: 'Our HCAs work with the DfE.', expected: ['1:5-1:8 warning plain-language/acronym-not-expanded notExpanded', '1:24-1:27 warning plain-language/acronym-not-expanded notExpanded'] },
    {
      text: 'You will need a Disclosure and Barring Service (DBS) check.',
      options: { profile: 'easy-read' },
      expected: ['1:49-1:52 warning plain-language/acronym-not-expanded easyRead'],
    },
    { text: 'We follow SEND guidance.', expected: ['1:11-1:15 warning plain-language/acronym-not-expanded notExpanded'] },
    { text: 'We follow NICE guidance and HCPC rules.', expected: ['1:11-1:15 warning plain-language/acronym-not-expanded notExpanded', '1:29-1:33 warning plain-language/acronym-not-expanded notExpanded'] },
    // Acronyms that are also words are acronyms in capitals in a mixed-case line.
    { text: 'You will help people with PALS and set SMART goals.', expected: ['1:27-1:31 warning plain-language/acronym-not-expanded notExpanded', '1:40-1:45 warning plain-language/acronym-not-expanded notExpanded'], suggestions: ['Patient Advice and Liaison Service (PALS)'] },
    { text: 'Fill in MAR charts. We offer TOIL.', expected: ['1:9-1:12 warning plain-language/acronym-not-expanded notExpanded', '1:30-1:34 warning plain-language/acronym-not-expanded notExpanded'] },
    { text: 'Refer people to the OH team.', expected: ['1:21-1:23 warning plain-language/acronym-not-expanded notExpanded'], suggestions: ['occupational health (OH)'] },
    { text: 'You will work as a PA to the director.', expected: ['1:20-1:22 warning plain-language/acronym-not-expanded notExpanded'], suggestions: [] },
    // A word in capitals next to an acronym does not hide it.
    { text: 'You will need an ENHANCED DBS check.', expected: ['1:27-1:30 warning plain-language/acronym-not-expanded notExpanded'] },
    { text: '## KEY DUTIES\n\nWork in the MDT.', expected: ['3:13-3:16 warning plain-language/acronym-not-expanded notExpanded'] },
    { text: '| Criteria | ESSENTIAL |\n|---|---|\n| NMC registration | Yes |', expected: ['3:3-3:6 warning plain-language/acronym-not-expanded notExpanded'] },
    // Brackets that say something else are not an explanation.
    { text: 'You need NMC (essential) registration.', expected: ['1:10-1:13 warning plain-language/acronym-not-expanded notExpanded'] },
    { text: 'HCPC (required)', expected: ['1:1-1:5 warning plain-language/acronym-not-expanded notExpanded'] },
    { text: 'You need a DBS (see below).', expected: ['1:12-1:15 warning plain-language/acronym-not-expanded notExpanded'] },
    { text: 'Pay is on AfC (2024/25) rates.', expected: ['1:11-1:14 warning plain-language/acronym-not-expanded notExpanded'] },
    { text: 'Work in an MDT (Band 5).', expected: ['1:12-1:15 warning plain-language/acronym-not-expanded notExpanded'] },
    { text: 'Your ICB (if applicable).', expected: ['1:6-1:9 warning plain-language/acronym-not-expanded notExpanded'] },
    { text: 'You need a DBS (enhanced check).', expected: ['1:12-1:15 warning plain-language/acronym-not-expanded notExpanded'] },
    { text: 'Band 5 (AfC) pay.', expected: ['1:9-1:12 warning plain-language/acronym-not-expanded notExpanded'] },
    { text: 'Staff Nurse – ITU – Band 5', expected: ['1:15-1:18 warning plain-language/acronym-not-expanded notExpanded'] },
    { text: '## CAMHS – Lewisham\n\nWe are hiring.', expected: ['1:4-1:9 warning plain-language/acronym-not-expanded notExpanded'] },
    // Real acronyms with vowels, in capitals, among other words.
    { text: 'You need IELTS or OET.', expected: ['1:10-1:15 warning plain-language/acronym-not-expanded notExpanded', '1:19-1:22 warning plain-language/acronym-not-expanded notExpanded'] },
    { text: 'Follow RIDDOR and COSHH rules.', expected: ['1:8-1:14 warning plain-language/acronym-not-expanded notExpanded', '1:19-1:24 warning plain-language/acronym-not-expanded notExpanded'] },
    { text: 'You will teach ALS, ILS and BLS.', expected: ['1:16-1:19 warning plain-language/acronym-not-expanded notExpanded', '1:21-1:24 warning plain-language/acronym-not-expanded notExpanded', '1:29-1:32 warning plain-language/acronym-not-expanded notExpanded'] },
    { text: 'Support people with MS and COPD.', expected: ['1:21-1:23 warning plain-language/acronym-not-expanded notExpanded', '1:28-1:32 warning plain-language/acronym-not-expanded notExpanded'] },
    { text: 'Speak to the Lewisham CAMHS team.', expected: ['1:23-1:28 warning plain-language/acronym-not-expanded notExpanded'] },
    // An explanation in an earlier paragraph must be the full words, not only some of them.
    { text: 'You will join a friendly team.\n\nThe MDT meets on Mondays.', expected: ['3:5-3:8 warning plain-language/acronym-not-expanded notExpanded'] },
    { text: 'Please see the attached JD & PS for full details.', expected: ['1:25-1:27 warning plain-language/acronym-not-expanded notExpanded', '1:30-1:32 warning plain-language/acronym-not-expanded notExpanded'] },
    { text: 'Come to Waldron Health Centre, Acton.\n\nMeet our HCA team.', expected: ['3:10-3:13 warning plain-language/acronym-not-expanded notExpanded'] },
    // Full words whose initials are not the letters do not teach them.
    { text: 'Join us as a Healthcare Assistant.\n\nMany of our HCAs train as nurses.', expected: ['3:13-3:16 warning plain-language/acronym-not-expanded notExpanded'] },
    // Letters in mixed case, and a long run of capitals that names a qualification, are acronyms.
    { text: 'You will use the MoCA and AMPS.', expected: ['1:18-1:22 warning plain-language/acronym-not-expanded notExpanded', '1:27-1:31 warning plain-language/acronym-not-expanded notExpanded'] },
    { text: 'An AMSPAR certificate is desirable.', expected: ['1:4-1:10 warning plain-language/acronym-not-expanded notExpanded'] },
    { text: 'You can join our NEST pension.', expected: ['1:18-1:22 warning plain-language/acronym-not-expanded notExpanded'], suggestions: ['National Employment Savings Trust (NEST)'] },
    // A word in capitals before the kind of thing acronyms name is letters: “our CARE values”.
    { text: 'We follow our CARE values.', expected: ['1:15-1:19 warning plain-language/acronym-not-expanded notExpanded'] },
    { text: "Match the IDDSI level and the MUST score.", expected: ['1:11-1:16 warning plain-language/acronym-not-expanded notExpanded', '1:31-1:35 warning plain-language/acronym-not-expanded notExpanded'] },
    { text: "Follow each ReSPECT form and audit eMAR records.", expected: ['1:13-1:20 warning plain-language/acronym-not-expanded notExpanded', '1:36-1:40 warning plain-language/acronym-not-expanded notExpanded'] },
    { text: 'We use the ERAS pathway and the ORBIT tool.', expected: ['1:12-1:16 warning plain-language/acronym-not-expanded notExpanded', '1:33-1:38 warning plain-language/acronym-not-expanded notExpanded'] },
  ],
});

describe('acronyms.yml', () => {
  const lists = acronymData(ruleData());
  const { expansions, known, wordLike, words } = lists;
  it('lists as wordLike only acronyms that are English words', () => {
    expect([...wordLike].filter((acronym) => !isEverydayWord(acronym, lists))).toEqual([]);
  });
  it('lists every other acronym with full words under expansions, which are not English words', () => {
    expect([...expansions.keys()].filter((acronym) => !wordLike.has(acronym) && isEverydayWord(acronym, lists))).toEqual([]);
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

describe('the words acronyms are spelled out with', () => {
  // The expression the rule used before it split the words by hand, and what it made of each match.
  const reference = (text: string) => {
    const words: { initial: string | undefined; capitalised: boolean; small: boolean; end: number; part: number }[] = [];
    let part = 0;
    for (const match of text.matchAll(/[\p{L}&][\p{L}'’]*|[,.;:!?()[\]\n|–—]/gu)) {
      const word = match[0];
      if (/[,.;:!?()[\]\n|–—]/u.test(word)) {
        part++;
        continue;
      }
      const small = ['and', 'of', 'for', 'the', 'in', 'to', 'on', 'with', 'at', 'a', 'an', '&'].includes(word.toLowerCase());
      words.push({ initial: word[0]?.toLowerCase(), capitalised: /^\p{Lu}\p{Ll}/u.test(word), small, end: match.index + word.length, part });
    }
    return words;
  };

  it('are split as the expression split them, in any script', () => {
    const pieces = fc.constantFrom('Health', 'and', 'Care', 'of', 'THE', '&', 'é', 'Élan', 'İ', '𝐀', '\ud835', '\udc00', "'", '’', ' ', ',', '.', '(', ')', '[', ']', '\n', '|', '–', '—', '-', '1', '_', 'With');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        expect(nameWords(text)).toEqual(reference(text));
      }),
      { numRuns: 3000, seed: 20261202 },
    );
  });
});
