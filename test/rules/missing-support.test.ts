/**
 * `required-content/missing-support`: the support topics an advert leaves out become one finding,
 * with one paragraph to add, while each topic keeps its own rule id for config, suppression
 * comments, the baseline and the scorecard.
 */
import { describe, expect, it } from 'vitest';
import { checkText, createChecker } from '../../src/check.js';
import { applyBaseline, BaselineRecorder } from '../../src/baseline.js';
import type { FileResult, Finding } from '../../src/types.js';
import { check, ruleTable } from '../helpers.js';

const ID = 'required-content/missing-support';
const PARTS = [
  'required-content/missing-adjustments-offer',
  'required-content/missing-bsl-communication-support',
  'required-content/missing-access-to-work',
  'required-content/missing-alternative-formats',
  'required-content/missing-informal-contact',
  'required-content/missing-carer-support',
];

/** An advert with everything but the support topics (`extra` adds sentences). */
function advert(extra = ''): string {
  return [
    '# Care assistant job advert',
    '',
    'Pay: £24,000 a year. Hours: 37.5 hours a week, Monday to Friday, 8am to 4pm. This is a permanent job at our home in Lewisham.',
    '',
    'Closing date: 5pm on Friday 12 March 2027. To apply, send us your CV by email. We will call everyone by 19 March.',
    '',
    extra,
  ].join('\n');
}

ruleTable('required-content/missing-support', {
  valid: [
    // Every part there: nothing to combine, nothing to report.
    advert(
      'If you need any changes to help you apply, tell us. We will book a BSL interpreter for any stage. Access to Work can help too. You can get this advert in Easy Read. Book a chat with our manager. We offer carer’s leave.',
    ),
  ],
  invalid: [
    {
      text: advert(),
      expected: ['document error required-content/missing-support missing'],
      message:
        'Tell people what support they can have: this job advert says nothing about adjustments, BSL and communication support, Access to Work, other formats, informal chat or visit, or support for carers.',
    },
    // Two parts missing: their severities decide (both are warnings here).
    {
      text: advert('If you need any changes to help you apply, tell us. Access to Work can help too. Book a chat with our manager. We offer carer’s leave.'),
      expected: ['document warning required-content/missing-support missing'],
      message: 'Tell people what support they can have: this job advert says nothing about BSL and communication support or other formats.',
      suggestions: ['We will book a BSL interpreter, speech-to-text reporter or note-taker for any stage. You can get this advert in Easy Read, large print, audio or BSL video.'],
    },
  ],
});

describe('one finding for one gap', () => {
  const checker = createChecker();
  const findings = (text: string, options = {}): Finding[] => checkText(text, 'markdown', options === null ? checker : createChecker({ options })).findings;

  it('lists every missing part in it, each with its own rule id, and reports none of them alone', () => {
    const found = findings(advert());
    const combined = found.filter((finding) => finding.ruleId === ID);
    expect(combined).toHaveLength(1);
    expect(combined[0]?.parts?.map((part) => part.ruleId)).toEqual(PARTS);
    expect(combined[0]?.parts?.[0]?.severity).toBe('error');
    expect(found.filter((finding) => PARTS.includes(finding.ruleId))).toEqual([]);
  });

  it('gives a paragraph that covers exactly the missing parts and passes the checker itself', () => {
    const combined = findings(advert()).find((finding) => finding.ruleId === ID);
    const paragraph = combined?.suggestions[0] ?? '';
    const after = checkText(advert(paragraph), 'markdown', checker);
    // Pasted in, it settles every part, and raises no warning or error of its own.
    expect(after.findings.filter((finding) => finding.ruleId === ID || PARTS.includes(finding.ruleId))).toEqual([]);
    const own = after.findings.filter((finding) => finding.location !== null && finding.severity !== 'info');
    expect(own.map((finding) => `${finding.ruleId}: ${finding.message}`)).toEqual([]);
    // The scorecard still names each topic: all present now.
    expect(after.topics.filter((topic) => PARTS.includes(topic.ruleId)).every((topic) => topic.present)).toBe(true);
  });

  it('keeps each topic in the scorecard', () => {
    const result = checkText(advert(), 'markdown', checker);
    const missing = result.topics.filter((topic) => !topic.present).map((topic) => topic.topic);
    expect(missing).toEqual(expect.arrayContaining(['adjustments', 'BSL and communication support', 'Access to Work', 'other formats', 'informal chat or visit', 'support for carers']));
  });

  it('leaves one missing part as it is', () => {
    const found = check(
      advert('If you need any changes to help you apply, tell us. We will book a BSL interpreter for any stage. Access to Work can help too. You can get this advert in Easy Read. Book a chat with our manager.'),
      { rules: [ID] },
    );
    expect(found.map((finding) => finding.ruleId)).toEqual(['required-content/missing-carer-support']);
  });

  it('takes a part that the config turns off out of it, and follows the severity the config gives a part', () => {
    const off = findings(advert(), { rules: { 'required-content/missing-carer-support': 'off', 'required-content/missing-adjustments-offer': 'warning' } });
    const combined = off.find((finding) => finding.ruleId === ID);
    expect(combined?.parts?.map((part) => part.ruleId)).not.toContain('required-content/missing-carer-support');
    expect(combined?.severity).toBe('warning');
    expect(combined?.suggestions[0]).not.toContain('carer');
  });

  it('reports the parts one by one when the combining rule is off', () => {
    const found = findings(advert(), { rules: { [ID]: 'off' } });
    expect(found.some((finding) => finding.ruleId === ID)).toBe(false);
    expect(found.filter((finding) => PARTS.includes(finding.ruleId)).map((finding) => finding.ruleId)).toEqual(expect.arrayContaining(PARTS));
  });

  it('takes the config severity of the combining rule', () => {
    expect(findings(advert(), { rules: { [ID]: 'info' } }).find((finding) => finding.ruleId === ID)?.severity).toBe('info');
  });

  it('honours a suppression comment for one part, and one for the whole', () => {
    const one = checkText(`<!-- recruit-check-disable required-content/missing-access-to-work -- we say this on our website -->\n\n${advert()}`, 'markdown', checker);
    expect(one.findings.find((finding) => finding.ruleId === ID)?.parts?.map((part) => part.ruleId)).not.toContain('required-content/missing-access-to-work');
    expect(one.suppressed.map((entry) => entry.finding.ruleId)).toEqual(['required-content/missing-access-to-work']);
    const all = checkText(`<!-- recruit-check-disable ${ID} -- our support page covers this -->\n\n${advert()}`, 'markdown', checker);
    expect(all.findings.filter((finding) => finding.ruleId === ID || PARTS.includes(finding.ruleId))).toEqual([]);
    expect(all.suppressed.map((entry) => entry.finding.ruleId).sort()).toEqual([...PARTS].sort());
  });

  it('is matched in the baseline part by part: a new part makes it new', () => {
    const result = (text: string): FileResult => {
      const checked = checkText(text, 'markdown', checker);
      return { path: 'advert.md', format: 'markdown', type: checked.docType, typeReason: checked.docTypeReason, error: null, findings: checked.findings, metrics: checked.metrics, scorecard: null, suppressed: [] } as unknown as FileResult;
    };
    // The baseline was made when the advert offered carer's leave.
    const recorder = new BaselineRecorder({ file: 'baseline.json', files: new Map() });
    recorder.add(result(advert('We offer carer’s leave.')));
    const baseline = recorder.baseline();
    expect(baseline.files.get('advert.md')?.filter((entry) => entry.ruleId === ID)).toEqual([]);
    // Same gaps: the combined finding is old.
    expect(applyBaseline(result(advert('We offer carer’s leave.')), baseline).findings.filter((finding) => finding.ruleId === ID)).toEqual([]);
    // Carer's leave taken out: a new gap, so the combined finding is new.
    expect(applyBaseline(result(advert()), baseline).findings.filter((finding) => finding.ruleId === ID)).toHaveLength(1);
  });
});
