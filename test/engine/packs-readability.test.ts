/**
 * The bundled packs stay readable by the people who review them (issue 12, point 5): a `match:`
 * phrase pattern says what it finds in words; a raw `pattern:` (a JavaScript regular expression)
 * is the escape hatch for what phrase patterns cannot say — numbers and money, any word at all, a
 * gap of any words, or a look at the text around the match beyond the next words. At most one
 * entry in ten may use one.
 */
import { describe, expect, it } from 'vitest';
import { parseBundledPacks } from '../../src/ruleset.js';
import { ruleTable } from '../helpers.js';

describe('the bundled packs’ entries', () => {
  const entries = parseBundledPacks().flatMap((definition) =>
    definition.kind === 'phrases' ? definition.entries.map((entry, index) => ({ definition, entry, index })) : [],
  );
  const raw = entries.filter(({ entry }) => entry.pattern.length > 0);

  it('use a raw regular expression (`pattern:`) in at most 1 entry in 10', () => {
    const list = raw
      .map(({ definition, entry, index }) => `  ${definition.meta.origin} ${definition.meta.id}, entry ${index + 1}: ${entry.pattern.join(' | ')}`)
      .join('\n');
    const share = `${raw.length} of ${entries.length} entries (${((100 * raw.length) / entries.length).toFixed(1)}%)`;
    expect(raw.length * 10, `${share} use pattern: — write these as match: phrase patterns where the language can say them:\n${list}`).toBeLessThanOrEqual(entries.length);
  });

  it('are counted from every phrase rule', () => {
    // A guard against counting nothing: the packs have hundreds of entries.
    expect(entries.length).toBeGreaterThan(200);
  });
});

// Entries that were regular expressions and are phrase patterns now: they find what they found,
// word forms and spellings the expressions missed, and keep the context they need.
ruleTable('inclusive-language/driving-licence', {
  valid: ['Your own car insurance must cover business use.', 'You do not need to drive.'],
  invalid: [
    { text: 'A full and clean UK driving licence is required.', flagged: ['A full and clean UK driving licence'] },
    { text: 'Full clean current valid UK manual driving licence.', flagged: ['Full clean current valid UK manual driving licence'] },
    { text: 'UK driving licences are accepted.', flagged: ['UK driving licences'] },
    { text: 'Driving license required.', flagged: ['Driving license required'] },
    { text: 'Own transport is required.', flagged: ['Own transport is required'] },
    { text: 'You must be able to drive.', flagged: ['must be able to drive'] },
  ],
});

ruleTable('inclusive-language/language-nationality-requirement', {
  valid: ['Bring a passport, such as a British passport.', 'We support people whose mother tongue is not English.'],
  invalid: [
    { text: 'Native English speaker required.', flagged: ['Native English speaker'] },
    { text: 'Native English-speaking staff.', flagged: ['Native English-speaking'] },
    { text: 'A native  speaker.', flagged: ['native  speaker'] },
    { text: 'English as their mother tongue.', flagged: ['English as their mother tongue'] },
    { text: 'Mother tongue is English.', flagged: ['Mother tongue is English'] },
    { text: 'Applicants must be British citizens.', flagged: ['must be British citizens'] },
    { text: 'UK passport holders only.', flagged: ['UK passport holders only'] },
    { text: 'Bring your British passport to the interview.', flagged: ['your British passport'] },
    { text: 'Excellent written & spoken English.', flagged: ['Excellent written & spoken English'] },
    { text: 'English to a very high standard.', flagged: ['English to a very high standard'] },
  ],
});

ruleTable('inclusive-language/uk-only-qualification', {
  valid: ['From a UK university or equivalent.', 'NHS experiences of patients.'],
  invalid: [
    { text: 'UK degrees only.', flagged: ['UK degrees'] },
    { text: 'A UK-university degree.', flagged: ['UK-university degree'] },
    { text: 'From an English higher education institution.', flagged: ['From an English higher education institution'] },
    { text: 'UK work experience required.', flagged: ['UK work experience required'] },
    { text: 'Experience of working in a UK hospital.', flagged: ['Experience of working in a UK hospital'] },
  ],
});

ruleTable('inclusive-language/health-question-pre-offer', {
  valid: ['Tell us if you need adjustments for the interview.'],
  invalid: [
    { text: 'Do you have any long term illnesses?', flagged: ['Do you have any long term illnesses'] },
    { text: 'How many days off sick last year?', flagged: ['How many days off sick'] },
    { text: 'Sickness record during the last year.', flagged: ['Sickness record during the last'] },
  ],
});

ruleTable('inclusive-language/availability-demand', {
  valid: ['We take a flexible approach to working hours.', 'You may pick up any shift you like.'],
  invalid: [
    { text: 'Any shift at short notice.', flagged: ['Any shift at short notice'] },
    { text: 'Any shifts, as required.', flagged: ['Any shifts'] },
    { text: 'You must be available 24/7.', flagged: ['available 24/7'] },
    { text: "Willing to work across all of the Trust's sites.", flagged: ["Willing to work across all of the Trust's sites"] },
    // The longer finding wins over “flexible approach to work”.
    { text: 'You need a flexible approach to work to meet the needs of the service.', flagged: ['flexible approach to work to meet the needs of the service'] },
  ],
});

ruleTable('plain-language/third-person-reader', {
  valid: ['Candidates told us they liked the visit.', 'Candidate willingness matters.'],
  invalid: [
    { text: 'The ideal applicants are expected to work weekends.', flagged: ['The ideal applicants'] },
    { text: 'Candidates need to bring ID.', flagged: ['Candidates'] },
  ],
});

ruleTable('inclusive-language/gendered-term', {
  valid: ['The manager said he will call you.', 'He willingly helps.'],
  invalid: [{ text: 'She is expected to lead the team.', flagged: ['She'] }],
});
