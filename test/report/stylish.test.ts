import { describe, expect, it } from 'vitest';
import { colorLevel } from '../../src/cli.js';
import type { RuleMeta } from '../../src/engine/rule.js';
import { buildScorecard } from '../../src/engine/scorecard.js';
import { excerpt, sanitize } from '../../src/report/sanitize.js';
import { formatStylish } from '../../src/report/stylish.js';
import type { FileResult } from '../../src/types.js';
import { sampleFinding } from './samples.js';

const finding = sampleFinding();

const meta = { id: finding.ruleId, note: 'Formal words slow readers down.', seed: 'Inform — “No jargon”.', fix: 'Use everyday words.', groups: ['everyone', 'deaf'] } as unknown as RuleMeta;
const options = { colorLevel: 0 as const, rules: new Map([[finding.ruleId, meta]]), readingAge: 14 };
const metrics = { words: 100, sentences: 10, readingAge: 12.3, fleschReadingEase: 70.1, fleschKincaidGrade: 7.3 };

describe('terminal report, --verbose', () => {
  it('shows where, what, the fix, why and who, then the metrics and totals', () => {
    const findings = [finding, { ...finding, location: { ...finding.location!, column: 60, endColumn: 67 } }];
    const scorecard = buildScorecard(findings, [
      { ruleId: 'required-content/missing-pay', topic: 'pay', pillar: 'inform', groups: ['migrants'], present: true },
      { ruleId: 'required-content/missing-adjustments-offer', topic: 'adjustments', pillar: 'support', groups: ['deaf', 'neurodivergent'], present: false },
    ]);
    const result: FileResult = { path: 'advert.md', format: 'markdown', type: 'advert', error: null, findings, metrics, scorecard, suppressed: [] };
    expect(formatStylish([result], { ...options, verbose: true })).toBe(
      [
        'advert.md',
        '  3:46      info     Use “use” instead of “utilise”.  plain-language/simpler-words',
        '        in    Job summary',
        '        found “utilise”',
        '        fix   use',
        '        why   Formal words slow readers down. (Inform — “No jargon”.)',
        '        who   everyone; deaf and hard of hearing people',
        '  3:60      info     Use “use” instead of “utilise”.  plain-language/simpler-words',
        '        in    Job summary',
        '        found “utilise”',
        '        fix   use',
        '  100 words · 10 sentences · reading age 12.3 (target 14 or lower) · Flesch reading ease 70.1',
        '  I.D.E.A.S. scorecard for this job advert',
        '        Inform    2 findings · has pay · affects everyone',
        '        Develop   no findings',
        '        Encourage no findings',
        '        Awareness no findings',
        '        Support   no findings · missing adjustments · affects Deaf people, neurodivergent people',
        '',
        '✖ 2 problems (0 errors, 0 warnings, 2 info) in 1 file',
        '',
      ].join('\n'),
    );
  });

  it('says when there is nothing to fix', () => {
    const result: FileResult = { path: 'good.md', format: 'markdown', type: 'advert', error: null, findings: [], metrics, scorecard: null, suppressed: [] };
    expect(formatStylish([result], { ...options, verbose: true })).toMatch(/^good\.md\n {2}No problems found\.\n.*\n\n✔ No problems found in 1 file\n$/);
  });
});

describe('terminal report', () => {
  const warning = { ...finding, severity: 'warning' as const, ruleId: 'inclusive-language/idiom', category: 'inclusive-language' as const, message: '“self-starter” is an idiom: say what the person will do on their own.', actual: 'self-starter', suggestions: ['say what the person will do'] };
  const missing = { ...finding, severity: 'error' as const, ruleId: 'required-content/missing-support', category: 'required-content' as const, message: 'Tell people what support they can have.', actual: null, location: null, suggestions: ['If you need any changes, tell us.'] };
  const rules = new Map([
    [finding.ruleId, meta],
    [warning.ruleId, { ...meta, id: warning.ruleId, note: 'Idioms say one thing and mean another.' }],
    [missing.ruleId, { ...meta, id: missing.ruleId, note: 'People do not ask unless invited.' }],
  ]);

  it('opens with the type and counts, then what to fix first, then the findings by severity, one line each, then why once per rule', () => {
    const result: FileResult = {
      path: 'advert.md', format: 'markdown', type: 'advert', typeReason: 'it says “How to apply”, as adverts do', error: null,
      findings: [finding, warning, { ...finding, location: { ...finding.location!, line: 4 } }, missing], metrics, scorecard: null, suppressed: [],
    };
    expect(formatStylish([result], { ...options, rules })).toBe(
      [
        'advert.md',
        '  Checked as a job advert because it says “How to apply”, as adverts do.',
        '  1 error, 1 warning, 2 info · 100 words · 10 sentences · reading age 12.3 (target 14 or lower) · Flesch reading ease 70.1',
        '',
        '  Fix these first',
        '    document  error    Tell people what support they can have.  required-content/missing-support',
        '    3:46      warning  “self-starter” is an idiom: say what the person will do on their own.  inclusive-language/idiom',
        '',
        '  Errors (1)',
        '    document  Tell people what support they can have.  required-content/missing-support',
        '              add  If you need any changes, tell us.',
        '',
        '  Warnings (1)',
        '    3:46      “self-starter” is an idiom: say what the person will do on their own.  inclusive-language/idiom',
        '',
        '  Information (2)',
        '    3:46      Use “use” instead of “utilise”.  plain-language/simpler-words',
        '    4:46      Use “use” instead of “utilise”.  plain-language/simpler-words',
        '',
        '  Why these matter',
        '    plain-language/simpler-words: Formal words slow readers down. (Inform — “No jargon”.) Affects everyone; deaf and hard of hearing people.',
        '    inclusive-language/idiom: Idioms say one thing and mean another. (Inform — “No jargon”.) Affects everyone; deaf and hard of hearing people.',
        '    required-content/missing-support: People do not ask unless invited. (Inform — “No jargon”.) Affects everyone; deaf and hard of hearing people.',
        '',
        '✖ 4 problems (1 error, 1 warning, 2 info) in 1 file',
        '',
      ].join('\n'),
    );
  });

  it('wraps long lines to a terminal’s width under their own text, and never when piped', () => {
    const long = { ...warning, message: `${'A very long message about this phrase '.repeat(4)}end.` };
    const result: FileResult = { path: 'advert.md', format: 'markdown', type: 'advert', error: null, findings: [long], metrics, scorecard: null, suppressed: [] };
    const piped = formatStylish([result], { ...options, rules }).split('\n');
    expect(piped.some((line) => line.length > 120)).toBe(true);
    const wrapped = formatStylish([result], { ...options, rules, width: 60 }).split('\n');
    expect(wrapped.every((line) => line.length <= 60)).toBe(true);
    // Continuation lines start under the message, not at column 0.
    const at = wrapped.indexOf('  Warnings (1)') + 1;
    expect(wrapped[at]).toMatch(/^ {4}3:46 {6}A very long/);
    expect(wrapped[at + 1]).toMatch(/^ {14}\S/);
  });

  it('names the type with its article', () => {
    const letter: FileResult = { path: 'letter.md', format: 'markdown', type: 'interview-invitation', error: null, findings: [], metrics, scorecard: null, suppressed: [] };
    expect(formatStylish([letter], options).split('\n')[1]).toBe('  Checked as an interview invitation.');
  });

  it('says when there is nothing to fix', () => {
    const result: FileResult = { path: 'good.md', format: 'markdown', type: 'advert', error: null, findings: [], metrics, scorecard: null, suppressed: [] };
    expect(formatStylish([result], options)).toMatch(/^good\.md\n {2}Checked as a job advert\.\n {2}No problems found\. · 100 words.*\n\n✔ No problems found in 1 file\n$/);
  });

  it('writes document text and paths only after sanitising them', () => {
    const nasty: FileResult = {
      path: 'evil\u001b[2J.md',
      format: 'markdown',
      error: null,
      findings: [{ ...finding, actual: 'ut\u001b]0;pwned\u0007ilise\u202e', message: 'x\u009b' }],
      metrics,
      type: 'advert',
      scorecard: null,
      suppressed: [],
    };
    const output = formatStylish([nasty], options);
    expect(output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(output).toContain('evil\\u{1b}[2J.md');
  });

  it('adds colour only at a colour level above 0', () => {
    const result: FileResult = { path: 'advert.md', format: 'markdown', type: 'advert', error: null, findings: [finding], metrics, scorecard: null, suppressed: [] };
    expect(formatStylish([result], options)).not.toMatch(/\u001b\[/);
    expect(formatStylish([result], { ...options, colorLevel: 1 })).toMatch(/\u001b\[/);
  });
});

describe('sanitise', () => {
  it('shows control and direction characters as escapes and flattens line breaks', () => {
    expect(sanitize('a\u0000b\u001bc\u007fd\u202ee\nf\tg')).toBe('a\\u{0}b\\u{1b}c\\u{7f}d\\u{202e}e f g');
  });

  it('shortens long text with an ellipsis', () => {
    expect(excerpt('word '.repeat(40), 20)).toBe('word word word word…');
  });
});

describe('colour level', () => {
  it('is off when not a terminal, with --no-color, NO_COLOR or FORCE_COLOR=0', () => {
    expect(colorLevel(true, {}, false)).toBe(0);
    expect(colorLevel(false, { FORCE_COLOR: '1' }, true)).toBe(0);
    expect(colorLevel(true, { NO_COLOR: '1' }, true)).toBe(0);
    expect(colorLevel(true, { FORCE_COLOR: '0' }, true)).toBe(0);
    expect(colorLevel(true, { TERM: 'dumb' }, true)).toBe(0);
  });

  it('is on on a terminal or when forced', () => {
    expect(colorLevel(true, { TERM: 'xterm' }, true)).toBe(1);
    expect(colorLevel(true, { TERM: 'xterm-256color' }, true)).toBe(2);
    expect(colorLevel(true, { FORCE_COLOR: '3' }, false)).toBe(3);
    expect(colorLevel(true, { FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(1);
  });
});
