import { ruleTable } from '../helpers.js';

ruleTable('plain-language/negative-contraction', {
  valid: ['You do not need experience.', "We're a friendly team.", "It's a great job."],
  invalid: [
    { text: "You don't need experience and can't be late.", flagged: ["don't", "can't"], suggestions: ['do not'], severity: 'info' },
    { text: 'We won’t ask about gaps.', flagged: ['won’t'], suggestions: ['will not'] },
    { text: "Don't worry.", flagged: ["Don't"], suggestions: ['Do not'] },
  ],
});

ruleTable('plain-language/ampersand', {
  valid: ['Go to A&E.', "Guy's & St Thomas' NHS Foundation Trust", 'The Health & Social Care Act', 'Q&A session', 'R&D team'],
  invalid: [{ text: 'You will cook & clean, and shop & chat.', flagged: ['&', '&'], suggestions: ['and'], severity: 'info' }],
});

ruleTable('plain-language/slash-or', {
  valid: ['We are open 24/7.', 'The closing date is 1 December 2027.', 'Read the NHS/HEE guidance.', 'See https://example.org/jobs/apply for details.', 'Hours: 9/5.'],
  invalid: [
    { text: 'You will cook and/or clean.', flagged: ['and/or'], suggestions: ['or', 'A or B, or both'], message: 'Write “or” instead of “and/or”, or “A or B, or both”.' },
    // Someone's pronouns are not “or”.
    { text: 'Contact Jo Bell (she/her) to cook (wash/dry).', flagged: ['wash/dry'] },
    { text: 'The post holder must bring his/her passport.', flagged: ['his/her'], message: 'Write “you” or “they” instead of “his/her”: it includes everyone.' },
    { text: 'Bank/agency staff welcome.', flagged: [] },
    { text: 'We need bank/agency staff.', flagged: ['bank/agency'] },
  ],
});

ruleTable('plain-language/optional-plural-brackets', {
  valid: ['Bring your documents (passport or visa).', 'Call us (020 7946 0000).'],
  invalid: [{ text: 'Bring your document(s) and referee(s).', flagged: ['document(s)', 'referee(s)'], severity: 'info' }],
});

ruleTable('plain-language/double-negative', {
  valid: ['It is common to work weekends.', 'You do not need a degree.', 'Not everyone drives.'],
  invalid: [{ text: 'It is not uncommon to work weekends, and not unusual to work late.', flagged: ['not uncommon', 'not unusual'], suggestions: ['common', 'often'] }],
});
