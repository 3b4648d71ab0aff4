/**
 * The I.D.E.A.S. rules on whole documents: exclusionary wording caught with a rewrite, true
 * statements left alone, required content by document type, each missing topic reported once.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkText, createChecker } from '../src/check.js';
import { allRules } from '../src/ruleset.js';
import type { Finding } from '../src/types.js';

const checker = createChecker();

function check(file: string): { findings: Finding[]; docType: string } {
  const result = checkText(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'), 'markdown', checker);
  return { findings: result.findings, docType: result.docType };
}

const inCategory = (findings: readonly Finding[], category: string): Finding[] => findings.filter((finding) => finding.category === category);
/** The rule ids of the findings, a combined finding (required-content/missing-support) by its parts. */
const ids = (findings: readonly Finding[]): string[] =>
  findings.flatMap((finding) => (finding.parts ?? [finding]).map((part) => part.ruleId.replace(/^[^/]+\//, ''))).sort();

describe('an advert with exclusionary wording', () => {
  const { findings } = check('fixtures/adverts/exclusionary.md');
  const cases: [rule: string, actual: string | null][] = [
    ['inclusive-language/age-coded-language', 'young'],
    ['inclusive-language/age-coded-language', 'energetic'],
    ['inclusive-language/gendered-term', 'he'],
    ['inclusive-language/gendered-term', 'chairman'],
    ['inclusive-language/gender-coded-balance', null],
    ['inclusive-language/disability-language', 'suffer from'],
    ['inclusive-language/disability-language', 'wheelchair-bound'],
    ['inclusive-language/ability-requirement', 'must be able to hear'],
    ['inclusive-language/ability-requirement', 'Good hearing and eyesight'],
    ['inclusive-language/ability-requirement', 'verbal communication skills'],
    // One requirement in one sentence: one finding.
    ['inclusive-language/driving-licence', 'A full UK driving licence, and you must have your own car'],
    ['inclusive-language/language-nationality-requirement', 'Native English speaker'],
    ['inclusive-language/language-nationality-requirement', 'British citizens only'],
    ['inclusive-language/uk-only-qualification', 'UK degree'],
    ['inclusive-language/uk-only-qualification', 'NHS experience is essential'],
    ['inclusive-language/culture-fit', 'culture fit'],
    ['inclusive-language/culture-fit', 'fit in with our team'],
    ['inclusive-language/continuous-employment', 'No gaps in employment'],
    ['inclusive-language/years-of-experience', "At least 5 years' experience"],
    ['inclusive-language/vague-trait', 'multitask'],
    ['inclusive-language/vague-trait', 'work well under pressure'],
    ['inclusive-language/vague-trait', 'think on your feet'],
    ['inclusive-language/appearance-rule', 'clean-shaven'],
    ['inclusive-language/appearance-rule', 'professional appearance'],
    // One demand in one sentence: one finding.
    ['inclusive-language/availability-demand', 'available 24/7 and work any shift at short notice'],
    ['inclusive-language/health-question-pre-offer', 'Do you have a disability'],
    ['inclusive-language/ethnicity-terms', 'BAME'],
    ['plain-language/idiom', 'rockstar'],
    ['plain-language/idiom', 'fast-paced'],
    ['plain-language/idiom', 'hit the ground running'],
  ];

  it.each(cases)('flags %s “%s”, with a rewrite', (rule, actual) => {
    const finding = findings.find((candidate) => candidate.ruleId === rule && candidate.actual === actual);
    expect(finding, `${rule} ${actual}`).toBeDefined();
    if (actual !== null) expect(finding?.suggestions.length).toBeGreaterThan(0);
    expect(finding?.note).toMatch(/This comes from the co-created solution: (Inform|Develop|Encourage|Awareness|Support) — /);
  });

  it('raises vague traits listed as essential criteria to warnings', () => {
    const traits = findings.filter((finding) => finding.ruleId === 'inclusive-language/vague-trait');
    expect(traits.map((finding) => finding.severity)).toEqual(['warning', 'warning', 'warning']);
  });
});

describe('an advert full of true statements', () => {
  const { findings } = check('fixtures/adverts/context-cases.md');

  it('gets no inclusive-language findings: equality statements, networks, welcomes, clinical words, quotations, UK usage', () => {
    expect(inCategory(findings, 'inclusive-language').map((finding) => `${finding.ruleId} ${finding.actual}`)).toEqual([]);
  });

  it('does not call UK, NHS or BSL-style abbreviations jargon', () => {
    expect(findings.filter((finding) => ['UK', 'NHS'].includes(finding.actual ?? ''))).toEqual([]);
  });
});

/** The required-content rules that apply to a document type. */
const ADVERT_TOPICS = [
  'missing-access-to-work', 'missing-adjustments-offer', 'missing-alternative-formats', 'missing-bsl-communication-support',
  'missing-carer-support', 'missing-closing-date', 'missing-contract-type', 'missing-flexible-working', 'missing-hours-pattern',
  'missing-how-to-apply', 'missing-inclusion-statement', 'missing-informal-contact', 'missing-location', 'missing-main-tasks',
  'missing-pay', 'missing-progression', 'missing-qualification-equivalence', 'missing-right-to-work-info', 'missing-selection-process',
  'phone-only-contact',
];
const INVITATION_TOPICS = [
  'ii-missing-checklist', 'ii-missing-costs-help', 'ii-missing-panel-and-format', 'ii-missing-questions-in-advance', 'ii-missing-rearrange',
  'ii-missing-test-support', 'ii-missing-venue-access', 'ii-missing-when-where', 'missing-access-to-work', 'missing-adjustments-offer',
  'missing-bsl-communication-support', 'phone-only-contact',
];

describe('required content', () => {
  it('is all there in the complete advert: no required-content findings', () => {
    const { findings, docType } = check('fixtures/adverts/support-worker-plain.md');
    expect(docType).toBe('advert');
    expect(inCategory(findings, 'required-content')).toEqual([]);
  });

  it('is reported once per missing topic in an advert with none of it, the support topics in one finding', () => {
    const { findings, docType } = check('fixtures/adverts/bare.md');
    expect(docType).toBe('advert');
    expect(ids(inCategory(findings, 'required-content'))).toEqual(ADVERT_TOPICS);
    expect(findings.filter((finding) => finding.parts).map((finding) => [finding.ruleId, finding.parts?.length])).toEqual([['required-content/missing-support', 6]]);
  });

  it('holds a job description to its own list', () => {
    const { findings, docType } = check('fixtures/documents/job-description.md');
    expect(docType).toBe('job-description');
    // Pay as a band only; no training or carer support. Closing date, how to apply and the rest are for adverts.
    expect(ids(inCategory(findings, 'required-content'))).toEqual(['missing-carer-support', 'missing-pay', 'missing-progression']);
    expect(findings.find((finding) => finding.ruleId === 'required-content/missing-pay')?.actual).toBe('Band 3');
  });

  it('holds a person specification to its own list', () => {
    const { findings, docType } = check('fixtures/documents/person-specification.md');
    expect(docType).toBe('person-specification');
    expect(ids(inCategory(findings, 'required-content'))).toEqual(['missing-qualification-equivalence']);
  });

  it('holds an interview invitation to its own list', () => {
    const complete = check('fixtures/documents/interview-invitation.md');
    expect(complete.docType).toBe('interview-invitation');
    expect(inCategory(complete.findings, 'required-content')).toEqual([]);
    // However the letter words the invitation.
    for (const opening of ['You are invited to attend an interview as follows.', 'I am pleased to tell you that you have been shortlisted for the above post.', 'We would like to invite you to attend an interview.']) {
      expect(checkText(`Dear Ms Adeyemi,\n\nRe: Social Worker\n\n${opening}\n\nDate: Tuesday 14 September 2027`, 'text', checker).docType, opening).toBe('interview-invitation');
    }
    const bare = check('fixtures/documents/interview-invitation-bare.md');
    expect(bare.docType).toBe('interview-invitation');
    expect(ids(inCategory(bare.findings, 'required-content'))).toEqual(INVITATION_TOPICS);
  });

  it('lists every required-content rule in one of the lists above, or for job descriptions only', () => {
    const listed = new Set([...ADVERT_TOPICS, ...INVITATION_TOPICS, 'pay-band-unexplained', 'missing-support']);
    const required = allRules().filter((rule) => rule.meta.category === 'required-content').map((rule) => rule.meta.id.replace(/^[^/]+\//, ''));
    expect(required.filter((id) => !listed.has(id))).toEqual([]);
  });

  it('is never reported on a document with no text', () => {
    const { findings } = checkText('![Scanned advert](advert.png)\n', 'markdown', checker);
    expect(inCategory(findings, 'required-content')).toEqual([]);
  });
});
