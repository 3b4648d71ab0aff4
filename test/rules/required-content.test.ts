/**
 * The required-content rules: each topic reported once per document when it is missing (at a vague
 * mention when there is one), never when it is there, never on a document with no text, and only
 * for the document types it applies to.
 */
import { fileTable, ruleTable } from '../helpers.js';

const BARE = 'You will help people at home.';
const advert = { options: { docType: 'advert' as const } };
const jobDescription = { options: { docType: 'job-description' as const } };
const personSpec = { options: { docType: 'person-specification' as const } };
const invitation = { options: { docType: 'interview-invitation' as const } };

ruleTable('required-content/missing-pay', {
  valid: [
    'You will get £12.60 an hour.',
    'Pay: £24,000 to £27,000 a year.',
    'The salary is 24000 pounds a year.',
    { text: BARE, ...personSpec },
    { text: 'We invite you to an interview.', ...invitation },
  ],
  invalid: [
    { text: BARE, expected: ['document error required-content/missing-pay missing'] },
    { text: 'We offer a competitive salary.', expected: ['1:12-1:30 error required-content/missing-pay vague'] },
    { text: 'Salary: DOE.', expected: ['1:1-1:12 error required-content/missing-pay vague'] },
    { text: 'Pay is negotiable for the right person.', expected: ['1:8-1:18 error required-content/missing-pay vague'] },
    { text: BARE, ...jobDescription, expected: ['document warning required-content/missing-pay missing'] },
    // Reported once, however many vague mentions.
    { text: 'Competitive salary. Pay depends on experience.', expected: ['1:1-1:19 error required-content/missing-pay vague'] },
  ],
});

fileTable('required-content/missing-pay', {
  valid: ['fixtures/pdf/scanned.pdf'],
  invalid: [],
});

ruleTable('required-content/missing-hours-pattern', {
  valid: ['The job is 37.5 hours a week.', 'This is a part-time job.', 'You will work 3 days a week.', 'Shifts are 7am to 3pm.', { text: BARE, ...personSpec }],
  invalid: [
    { text: BARE, flagged: ['(document)'], severity: 'warning' },
    { text: BARE, ...jobDescription, flagged: ['(document)'] },
  ],
});

ruleTable('required-content/missing-flexible-working', {
  valid: [
    'You can also work part-time.',
    'We are happy to talk about flexible working.',
    'Term-time only contracts are possible.',
    'You pick the shifts you work.',
    'Choose your own hours, from 4 to 30 a week.',
    "We're open to part-time and job share.",
    'Working pattern: 30 hours a week. You choose 4 days from Monday to Saturday.',
    'We are happy to talk about the days you work and your start and finish times.',
    'Part-time hours considered.',
    { text: BARE, ...jobDescription },
  ],
  invalid: [
    { text: 'The job is 37.5 hours a week.', flagged: ['(document)'], severity: 'warning' },
    // A demand for flexibility is not an offer of it.
    { text: 'The job is 37.5 hours a week. You must be flexible to meet service demands.', flagged: ['(document)'] },
    // A part-time job is not an offer of flexibility.
    { text: 'Working pattern: part time, 24 hours a week on a fixed rota.', flagged: ['(document)'] },
  ],
});

ruleTable('required-content/missing-location', {
  valid: ['You will work at our centre in Lewisham.', 'Based in SE13 6LH.', 'This is a hybrid job.', 'Meadowbank Nursing Home, Sidcup. £12.80 an hour.', { text: BARE, ...jobDescription }],
  invalid: [{ text: 'You will help people. The pay is £12 an hour.', flagged: ['(document)'], severity: 'warning' }],
});

ruleTable('required-content/missing-contract-type', {
  valid: ['This is a permanent job.', 'A 12-month fixed-term contract.', 'Bank shifts are available.', { text: BARE, ...jobDescription }],
  invalid: [{ text: BARE, flagged: ['(document)'], severity: 'info' }],
});

ruleTable('required-content/missing-how-to-apply', {
  valid: ['To apply, fill in the form on our website.', 'Apply online at example.org/jobs.', 'Send us your CV by email.', { text: BARE, ...jobDescription }],
  invalid: [
    // “Supporting you to apply” is a heading, not the steps.
    { text: '## Supporting you to apply\n\nTell us if you need changes.', flagged: ['(document)'] },{ text: BARE, flagged: ['(document)'], severity: 'warning' }],
});

ruleTable('required-content/missing-adjustments-offer', {
  valid: [
    'We will make changes to help you apply. Just tell us what you need.',
    'Tell us about any adjustments you need.',
    'We will make reasonable adjustments to care plans and to the interview.',
    { text: BARE, ...jobDescription },
  ],
  invalid: [
    { text: `${BARE} Help patients who need adjustments, such as longer appointments or a BSL interpreter.`, flagged: ['(document)'] },
    { text: BARE, expected: ['document error required-content/missing-adjustments-offer missing'] },
    // Adjustments for patients, or in a job plan, are not an offer to applicants.
    { text: `${BARE} You will make adjustments to care plans for patients.`, expected: ['document error required-content/missing-adjustments-offer missing'] },
    { text: `${BARE} Consultants agree job plan adjustments each year.`, expected: ['document error required-content/missing-adjustments-offer missing'] },
    { text: 'We invite you to an interview.', ...invitation, expected: ['document error required-content/missing-adjustments-offer missing'] },
  ],
});

ruleTable('required-content/missing-bsl-communication-support', {
  valid: ['We will book a BSL interpreter for your interview.', 'We can arrange a speech-to-text reporter or a note-taker.', { text: BARE, ...jobDescription }],
  invalid: [
    { text: BARE, flagged: ['(document)'], severity: 'warning' },
    { text: 'We invite you to an interview.', ...invitation, flagged: ['(document)'], severity: 'error' },
    // A service for callers is not support for applicants.
    { text: `${BARE} You will answer calls from Deaf people through our British Sign Language (BSL) video relay service.`, flagged: ['(document)'] },
  ],
});

ruleTable('required-content/missing-access-to-work', {
  valid: ['Access to Work can pay for an interpreter at your interview.', { text: BARE, ...jobDescription }],
  invalid: [{ text: BARE, flagged: ['(document)'], severity: 'info' }],
});

ruleTable('required-content/missing-qualification-equivalence', {
  valid: [
    'You need an NVQ level 3 in care, or an equivalent qualification.',
    'You need a care qualification. We accept qualifications from other countries.',
    // No qualifications asked for settles it.
    'No experience or qualifications needed: we give full training.',
    'You do not need any qualifications.',
    // Only asked when qualifications are asked for.
    BARE,
  ],
  invalid: [
    { text: 'You need an NVQ level 3 in care.', expected: ['document warning required-content/missing-qualification-equivalence missing'] },
    { text: 'A degree in nursing.', ...personSpec, expected: ['document warning required-content/missing-qualification-equivalence missing'] },
    { text: 'A degree in nursing.', ...jobDescription, expected: ['document info required-content/missing-qualification-equivalence missing'] },
  ],
});

ruleTable('required-content/missing-right-to-work-info', {
  valid: ['You must have the right to work in the UK. We cannot sponsor visas for this job.', 'We can sponsor a Health and Care Worker visa.', { text: BARE, ...jobDescription }],
  invalid: [{ text: BARE, flagged: ['(document)'], severity: 'warning' }],
});

ruleTable('required-content/missing-progression', {
  valid: ['We will train you.', 'There is a clear career path to senior care worker.', { text: BARE, ...personSpec }],
  invalid: [
    { text: BARE, flagged: ['(document)'], severity: 'info' },
    { text: BARE, ...jobDescription, flagged: ['(document)'] },
  ],
});

ruleTable('required-content/missing-selection-process', {
  valid: ['Interviews will be held in January.', 'We will contact you within 2 weeks.', { text: BARE, ...jobDescription }],
  invalid: [{ text: BARE, flagged: ['(document)'], severity: 'warning' }],
});

ruleTable('required-content/missing-informal-contact', {
  valid: [
    'Come and see us before you apply.',
    'For an informal chat, email Amina.',
    // The contact field job boards add.
    'For further details / informal visits contact:\n\nName: Jane Smith\n\nJob title: Ward Manager\n\nEmail address: jane.smith@nhs.net',
    'If you have any questions about the job, call Tom on 020 7946 0000.',
    'Pop in for a chat and an application form.',
    { text: BARE, ...jobDescription },
  ],
  invalid: [
    { text: BARE, flagged: ['(document)'], severity: 'info' },
    // A website is not a visit.
    { text: `${BARE} Visit our website to read about us.`, flagged: ['(document)'] },
  ],
});

ruleTable('required-content/missing-main-tasks', {
  valid: ['You will cook and clean.', 'Main duties: cooking and cleaning.', { text: 'The pay is £12 an hour.', ...personSpec }],
  invalid: [
    { text: 'The pay is £12 an hour.', flagged: ['(document)'], severity: 'info' },
    { text: 'The pay is £12 an hour.', ...jobDescription, flagged: ['(document)'], severity: 'warning' },
  ],
});

ruleTable('required-content/missing-alternative-formats', {
  valid: ['You can get this advert in Easy Read or large print.', 'You can apply by video in BSL.', { text: BARE, ...jobDescription }],
  invalid: [{ text: BARE, flagged: ['(document)'], severity: 'warning' }],
});

ruleTable('required-content/missing-inclusion-statement', {
  valid: ['We welcome applications from everyone.', 'We are a Disability Confident employer.', { text: BARE, ...jobDescription }],
  invalid: [{ text: BARE, flagged: ['(document)'], severity: 'info' }],
});

ruleTable('required-content/missing-carer-support', {
  valid: ["We have a carers policy and carer's leave.", 'We understand caring responsibilities and give time off for emergencies.', { text: BARE, ...personSpec }],
  invalid: [
    { text: BARE, flagged: ['(document)'], severity: 'info' },
    { text: BARE, ...jobDescription, flagged: ['(document)'] },
  ],
});

ruleTable('required-content/missing-closing-date', {
  valid: [
    'The closing date is 11:59pm on Sunday 12 July 2026.',
    '## Closing date\n\n5pm on Friday 10 July 2026.',
    'Applications must reach us by noon on Friday 9 July 2027.',
    'The closing date is 11:59pm on Wednesday 14 July 2027.',
    'The closing date is 5pm, Thursday 15 July 2027.',
    // A job board's short row and the advert's full sentence are the same deadline.
    'Closing date: 09/07/2027\n\nSend your form so that it reaches us by 5pm on Friday 9 July 2027.',
    '| Closing date | 5pm on Friday 10 July 2026 |\n|---|---|\n| Salary | £24,000 |',
    'There is no closing date: we look at applications as they come in.',
    { text: BARE, ...jobDescription },
  ],
  invalid: [
    { text: 'Send us your CV.', expected: ['document error required-content/missing-closing-date missing'], suggestions: ['Closing date: 11:59pm on Sunday 12 July 2026.'] },
    {
      text: 'The closing date is 12 July 2026.',
      expected: ['1:21-1:33 warning required-content/missing-closing-date incomplete'],
      message: 'Add the day of the week and the time to the closing date, for example “11:59pm on Sunday 12 July 2026”.',
    },
    { text: 'Apply by 5pm on 12 July.', expected: ['1:17-1:24 warning required-content/missing-closing-date incomplete'], message: 'Add the day of the week to the closing date, for example “11:59pm on Sunday 12 July 2026”.' },
  ],
});

ruleTable('required-content/phone-only-contact', {
  valid: [
    'Call us on 020 7946 0000 or email jobs@example.org.',
    'Call us on 020 7946 0000. You can also text 07700 900123.',
    'Questions? [Email Amina](mailto:amina@example.org).',
    { text: 'Call us on 020 7946 0000.', ...jobDescription },
  ],
  invalid: [
    { text: 'Call us on 020 7946 0000 to ask about the job.', expected: ['1:12-1:25 error required-content/phone-only-contact phoneOnly'] },
    { text: 'If you cannot come, ring us.', ...invitation, expected: ['1:21-1:28 error required-content/phone-only-contact phoneOnly'] },
    { text: BARE, expected: ['document warning required-content/phone-only-contact none'] },
    // Relay UK for the callers the job answers is not a way for applicants to get in touch.
    { text: 'You will answer calls through Relay UK. Call us on 020 7946 0000 to ask about the job.', expected: ['1:52-1:65 error required-content/phone-only-contact phoneOnly'] },
  ],
});

ruleTable('required-content/pay-band-unexplained', {
  valid: [
    'This is a Band 5 job (£29,970 to £36,483 a year).',
    '## Pay\n\nBand 3.\n\n£24,071 to £25,674 a year.',
    'Pay: £12 an hour.',
    '# Nurse (Band 5)\n\n## Pay\n\n£29,970 a year.',
    '## Pay\n\n£29,970 a year.\n\n## Training\n\nThere are clear routes to Band 6.',
    // Someone else's band: the person who supervises you.
    'You will work under the supervision of a Band 6 physiotherapist.',
    'You will report to the Band 7 ward manager.',
  ],
  invalid: [
    { text: 'This is a Band 5 job.', expected: ['1:11-1:17 warning required-content/pay-band-unexplained band'] },
    { text: 'We are recruiting a Band 5 nurse.', expected: ['1:21-1:27 warning required-content/pay-band-unexplained band'] },
    { text: '## Pay\n\nAfC Band 3\n\n## Hours\n\n£12 an hour is what bank staff get.', expected: ['3:1-3:11 warning required-content/pay-band-unexplained band'] },
  ],
});

ruleTable('required-content/ii-missing-when-where', {
  valid: [
    'We invite you to an interview on Tuesday 14 December, from 2pm to 3pm, at 1 High Street, London SE13 6LH.',
    { text: 'The interview is on Tuesday 14 December at 10am, on Microsoft Teams.', ...invitation },
    { text: BARE, ...advert },
  ],
  invalid: [
    { text: 'We invite you to an interview next week.', expected: ['document error required-content/ii-missing-when-where missing'] },
    { text: 'We invite you to an interview on 14 December at 2pm at 1 High Street, London SE13 6LH.', expected: ['document error required-content/ii-missing-when-where missing'] },
  ],
});

ruleTable('required-content/ii-missing-panel-and-format', {
  valid: ['We invite you to an interview. You will meet our manager. The interview lasts 30 minutes.', { text: BARE, ...advert }],
  invalid: [{ text: 'We invite you to an interview on Tuesday 14 December.', flagged: ['(document)'], severity: 'warning' }],
});

ruleTable('required-content/ii-missing-venue-access', {
  valid: ['We invite you to an interview. The room is on the ground floor with a hearing loop.', 'We invite you to an interview. There is step-free access.'],
  invalid: [{ text: 'We invite you to an interview on Tuesday 14 December.', flagged: ['(document)'], severity: 'warning' }],
});

ruleTable('required-content/ii-missing-questions-in-advance', {
  valid: ['We invite you to an interview. We will send you the questions in advance.'],
  invalid: [{ text: 'We invite you to an interview on Tuesday 14 December.', flagged: ['(document)'], severity: 'info' }],
});

ruleTable('required-content/ii-missing-checklist', {
  valid: ['We invite you to an interview. Please bring your passport.', 'We invite you to an interview. What to bring: your passport.', 'We invite you to an interview. Please bring the following original documents with you: your passport.'],
  invalid: [{ text: 'We invite you to an interview on Tuesday 14 December.', flagged: ['(document)'], severity: 'warning' }],
});

ruleTable('required-content/ii-missing-costs-help', {
  valid: ['We invite you to an interview. We will pay your travel costs.', 'We invite you to an interview. We can pay for childcare.'],
  invalid: [
    { text: 'We invite you to an interview on Tuesday 14 December.', flagged: ['(document)'], severity: 'info' },
    // A refusal is not help.
    { text: 'We invite you to an interview. We are unable to reimburse travel expenses for interview.', flagged: ['(document)'] },
  ],
});

ruleTable('required-content/ii-missing-rearrange', {
  valid: ['We invite you to an interview. If you need to rearrange, call or email us.', 'We invite you to an interview. If this time does not suit you, we can offer another day.'],
  invalid: [
    { text: 'We invite you to an interview on Tuesday 14 December.', flagged: ['(document)'], severity: 'info' },
    { text: 'We invite you to an interview on Tuesday 14 December. This date cannot be rearranged.', flagged: ['(document)'] },
  ],
});

ruleTable('required-content/ii-missing-test-support', {
  valid: [
    'We invite you to an interview. There is a written test; you can have extra time.',
    // No test, nothing to support.
    'We invite you to an interview on Tuesday 14 December.',
  ],
  invalid: [
    { text: 'We invite you to an interview. There is a 20-minute written test.', flagged: ['(document)'], severity: 'warning' },
    { text: 'We invite you to an interview. Please prepare a 10-minute presentation.', flagged: ['(document)'] },
  ],
});
