import { ruleTable } from '../helpers.js';

ruleTable('plain-language/number-money-format', {
  valid: ['Pay is £24,000 to £27,000 a year.', 'You will get £12.60 an hour.', 'We have 2-3 vacancies.'],
  invalid: [
    { text: 'Salary £24k to £27k.', flagged: ['£24k', '£27k'], severity: 'info', message: 'Write the amount in full, for example “£25,000” not “£25k”.' },
    { text: 'Pay is £25,000.00 a year.', flagged: ['£25,000.00'] },
    { text: 'Pay is £24,000-£27,000 or £24,000 – 27,000 a year.', flagged: ['£24,000-£27,000', '£24,000 – 27,000'] },
    { text: 'Pay: £11.50ph - £12.25ph, paid weekly.', flagged: ['£11.50ph - £12.25ph'] },
  ],
});

ruleTable('plain-language/third-person-reader', {
  valid: ['You will join a team of six.', 'Candidates told us they liked the visit.', 'We welcome applicants from every background.'],
  invalid: [
    { text: 'The successful candidate will join a team of six.', flagged: ['The successful candidate'], suggestions: ['You'], severity: 'info' },
    // Each wording is reported once, at its first use: it is a habit of the whole document.
    { text: 'The post holder shall attend training. The post holder must have a DBS check.', flagged: ['The post holder'] },
    { text: 'The post holder shall attend training. Applicants must have a DBS check.', flagged: ['The post holder', 'Applicants'] },
    {
      text: 'The successful candidate will join us.\n\nThe post holder will visit people. The successful candidate will drive.',
      flagged: ['The successful candidate', 'The post holder'],
      message: 'Talk to the reader: write “you” instead of “The successful candidate” — here and wherever the document says it.',
    },
  ],
});

ruleTable('plain-language/everyday-words', {
  valid: [
    'Doctors and nurses should ask for advice if symptoms carry on.',
    'We support people seeking asylum and job seekers.',
    'Give your telephone number.',
    // “Seeking to improve” means trying to: “look for” would break it.
    'The Trust is seeking to improve care.',
  ],
  invalid: [
    { text: 'Clinicians should seek advice if symptoms persist.', flagged: ['Clinicians', 'seek', 'persist'], severity: 'info' },
    { text: 'Normally we telephone you, or send an SMS.', flagged: ['Normally', 'telephone', 'SMS'], suggestions: ['Usually'] },
    { text: 'You will triage calls.', flagged: ['triage'] },
    { text: 'Pay is as per the Agenda for Change scale.', flagged: ['as per'], suggestions: ['as', 'in line with'] },
    { text: 'Further to your application, I am pleased to inform you that it will last approximately an hour.', flagged: ['Further to your', 'inform you', 'approximately'] },
    { text: 'Salary commensurate with experience.', flagged: ['commensurate with'] },
    { text: 'You will undertake training. We cannot reimburse travel.', flagged: ['undertake', 'reimburse'] },
  ],
});
