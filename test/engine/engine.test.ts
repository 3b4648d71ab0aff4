import { describe, expect, it } from 'vitest';
import { runRules, RuleFailure } from '../../src/engine/engine.js';
import { normaliseOptions } from '../../src/engine/options.js';
import type { Report, Rule, RuleMeta } from '../../src/engine/rule.js';
import { parseText } from '../../src/load/parse.js';

const loadMarkdown = (source: string) => parseText(source, 'markdown');
import type { Category, Severity } from '../../src/types.js';

function rule(id: string, category: Category, severity: Severity, reports: (text: string) => Omit<Report, 'block' | 'messageId'>[]): Rule {
  const meta = {
    id,
    category,
    severity,
    pillar: 'inform',
    groups: ['everyone'],
    description: 'test',
    note: 'Why.',
    seed: 'Inform — “No jargon, easy to read job adverts”.',
    fix: 'Fix.',
    sources: [],
    messages: { m: `${id} on “{text}”` },
    examples: { flagged: [], passes: [] },
    fixable: false,
    origin: 'test',
  } as RuleMeta;
  return {
    meta,
    check(context) {
      for (const block of context.doc.blocks) {
        for (const report of reports(block.text)) {
          context.report({ ...report, block, messageId: 'm', data: { text: block.text.slice(report.start ?? 0, report.end) } });
        }
      }
    },
  };
}

const at = (text: string, phrase: string): { start: number; end: number } => {
  const start = text.indexOf(phrase);
  return { start, end: start + phrase.length };
};

describe('engine', () => {
  const doc = loadMarkdown('# Title\n\nWe will utilise a timely manner in a timely manner `utilise` here.\n');

  it('keeps one finding per span and category: the most severe, then the earliest rule', () => {
    const a = rule('t/a', 'plain-language', 'info', (text) => (text.includes('utilise') ? [at(text, 'utilise')] : []));
    const b = rule('t/b', 'plain-language', 'warning', (text) => (text.includes('utilise') ? [at(text, 'utilise')] : []));
    const c = rule('t/c', 'plain-language', 'warning', (text) => (text.includes('utilise') ? [at(text, 'utilise')] : []));
    const d = rule('t/d', 'readability', 'info', (text) => (text.includes('utilise') ? [at(text, 'utilise')] : []));
    const { findings } = runRules(doc, [a, b, c, d], normaliseOptions());
    expect(findings.map((finding) => finding.ruleId)).toEqual(['t/b', 't/d']);
  });

  it('drops a word finding inside a longer one of the same category that is at least as severe', () => {
    const word = rule('t/word', 'plain-language', 'info', (text) => [...text.matchAll(/timely/g)].map((m) => ({ start: m.index, end: m.index + 6 })));
    const phrase = rule('t/phrase', 'plain-language', 'warning', (text) => (text.includes('in a timely manner') ? [at(text, 'in a timely manner')] : []));
    const { findings } = runRules(doc, [word, phrase], normaliseOptions());
    // The first “timely” stands alone; the second is inside “in a timely manner”.
    expect(findings.map((finding) => [finding.ruleId, finding.actual, finding.location?.column])).toEqual([
      ['t/word', 'timely', 19],
      ['t/phrase', 'in a timely manner', 33],
    ]);
  });

  it('keeps one finding for each image of a paragraph, and still one per image and category', () => {
    // Findings about images have no span of text: a Word paragraph's images share its place.
    const images = (id: string, severity: Severity) => rule(id, 'document-structure', severity, (text) => (text.startsWith('We will') ? [0, 1, 2].map((image) => ({ start: 0, end: 0, image })) : []));
    const { findings } = runRules(doc, [images('t/image', 'error'), images('t/same-image', 'warning')], normaliseOptions());
    expect(findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([
      ['t/image', 'error'],
      ['t/image', 'error'],
      ['t/image', 'error'],
    ]);
  });

  it('reports nothing inside inline code', () => {
    const all = rule('t/all', 'plain-language', 'info', (text) => [...text.matchAll(/utilise/g)].map((m) => ({ start: m.index, end: m.index + 7 })));
    const { findings } = runRules(doc, [all], normaliseOptions());
    expect(findings.map((finding) => finding.location?.column)).toEqual([9]);
  });

  it('sorts by position, with document-level findings last', () => {
    const late = rule('t/late', 'plain-language', 'info', (text) => (text.includes('here') ? [at(text, 'here')] : []));
    const early = rule('t/early', 'plain-language', 'info', (text) => (text.includes('We') ? [at(text, 'We')] : []));
    const whole: Rule = { meta: { ...early.meta, id: 't/whole' }, check: (context) => context.report({ messageId: 'm', data: { text: 'document' } }) };
    const { findings } = runRules(doc, [late, early, whole], normaliseOptions());
    expect(findings.map((finding) => [finding.ruleId, finding.location?.line ?? null, finding.location?.column ?? null])).toEqual([
      ['t/early', 3, 1],
      ['t/late', 3, 62],
      ['t/whole', null, null],
    ]);
  });

  it('turns rules off and overrides severities from the options', () => {
    const a = rule('t/a', 'plain-language', 'info', (text) => (text.includes('utilise') ? [at(text, 'utilise')] : []));
    const b = rule('t/b', 'readability', 'info', (text) => (text.includes('utilise') ? [at(text, 'utilise')] : []));
    const { findings } = runRules(doc, [a, b], normaliseOptions({ rules: { 't/a': 'off', 't/b': 'error' } }));
    expect(findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([['t/b', 'error']]);
  });

  it('fills the finding: message and its id, actual, location with section, note with the seed', () => {
    const a = rule('t/a', 'plain-language', 'warning', (text) => (text.includes('utilise') ? [at(text, 'utilise')] : []));
    const [finding] = runRules(doc, [a], normaliseOptions()).findings;
    expect(finding).toEqual({
      ruleId: 't/a',
      category: 'plain-language',
      severity: 'warning',
      message: 't/a on “utilise”',
      actual: 'utilise',
      suggestions: [],
      location: { line: 3, column: 9, endLine: 3, endColumn: 16, page: null, paragraph: null, section: 'Title' },
      pillar: 'inform',
      groups: ['everyone'],
      note: 'Why. This comes from the co-created solution: Inform — “No jargon, easy to read job adverts”.',
      // Which of the rule's messages it is: for tests, never in the JSON report (test/report/json-schema.test.ts).
      messageId: 'm',
    });
  });

  it('names the rule when a rule throws', () => {
    const broken: Rule = { meta: rule('t/broken', 'readability', 'info', () => []).meta, check: () => { throw new Error('boom'); } };
    expect(() => runRules(doc, [broken], normaliseOptions())).toThrow(RuleFailure);
    expect(() => runRules(doc, [broken], normaliseOptions())).toThrow('rule t/broken failed: boom');
  });
});

describe('the document text for reports that show it', () => {
  it('is kept only when asked, with each reported finding in place', async () => {
    const { checkDocument } = await import('../../src/engine/checker.js');
    const { createChecker } = await import('../../src/ruleset.js');
    const doc = loadMarkdown('# Job\n\nYou will utilise the rota and commence at 7am.\n\n<!-- recruit-check-disable-next-line plain-language/simpler-words -->\nWe commence at 8am.\n');
    expect(checkDocument(doc, createChecker()).text).toBeUndefined();
    const result = checkDocument(doc, createChecker({ options: { keepText: true } }));
    expect(result.text?.blocks.map((block) => [block.kind, block.text])).toEqual([
      ['heading', 'Job'],
      ['paragraph', 'You will utilise the rota and commence at 7am.'],
      ['paragraph', 'We commence at 8am.'],
    ]);
    const highlights = result.text?.highlights ?? [];
    expect(highlights.length).toBeGreaterThanOrEqual(2);
    for (const highlight of highlights) {
      const finding = result.findings[highlight.finding];
      const text = result.text?.blocks[highlight.block]?.text.slice(highlight.start, highlight.end);
      if (finding?.actual !== null && finding?.category !== 'readability') expect(text).toBe(finding?.actual);
    }
    // The suppressed “commence” is not highlighted.
    expect(highlights.some((highlight) => highlight.block === 2 && result.findings[highlight.finding]?.actual === 'commence')).toBe(false);
  });
});
