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

describe('terminal report', () => {
  it('shows where, what, the fix, why and who, then the metrics and totals', () => {
    const findings = [finding, { ...finding, location: { ...finding.location!, column: 60, endColumn: 67 } }];
    const scorecard = buildScorecard(findings, [
      { ruleId: 'required-content/missing-pay', topic: 'pay', pillar: 'inform', groups: ['migrants'], present: true },
      { ruleId: 'required-content/missing-adjustments-offer', topic: 'adjustments', pillar: 'support', groups: ['deaf', 'neurodivergent'], present: false },
    ]);
    const result: FileResult = { path: 'advert.md', format: 'markdown', type: 'advert', error: null, findings, metrics, scorecard, suppressed: [] };
    expect(formatStylish([result], options)).toBe(
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
    expect(formatStylish([result], options)).toMatch(/^good\.md\n {2}No problems found\.\n.*\n\n✔ No problems found in 1 file\n$/);
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
