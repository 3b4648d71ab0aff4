/** The Markdown report (`--format markdown`): its structure, its escaping of document text, and the real command. */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Nodes, Root } from 'mdast';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmTable } from 'micromark-extension-gfm-table';
import { describe, expect, it } from 'vitest';
import type { RuleMeta } from '../../src/engine/rule.js';
import { buildScorecard } from '../../src/engine/scorecard.js';
import { formatReport, reportStream } from '../../src/report/index.js';
import { codeSpan, escapeMarkdown, formatMarkdown } from '../../src/report/markdown.js';
import type { FileResult, Finding } from '../../src/types.js';
import { runCli } from '../run-cli.js';
import { sampleFinding } from './samples.js';

const base = sampleFinding();
const missingPay: Finding = {
  ...base,
  ruleId: 'required-content/missing-pay',
  category: 'required-content',
  severity: 'error',
  message: 'Say what the job pays.',
  actual: null,
  suggestions: [],
  location: null,
  pillar: 'support',
  groups: ['carers', 'migrants'],
};
const payMeta = { id: missingPay.ruleId, fix: 'Give the pay in pounds.' } as unknown as RuleMeta;
const options = { rules: new Map([[missingPay.ruleId, payMeta]]), readingAge: 14 };
const metrics = { words: 100, sentences: 10, readingAge: 12.3, fleschReadingEase: 70.1, fleschKincaidGrade: 7.3 };

function resultOf(findings: readonly Finding[], extra: Partial<FileResult> = {}): FileResult {
  return { path: 'adverts/advert.md', format: 'markdown', type: 'advert', error: null, findings, metrics: null, scorecard: null, suppressed: [], ...extra };
}

/** Parse Markdown as GitHub does (with tables). */
function parse(markdown: string): Root {
  // As GitHub reads it: tables, and bare web and email addresses made into links.
  return fromMarkdown(markdown, { extensions: [gfmTable(), gfmAutolinkLiteral()], mdastExtensions: [gfmTableFromMarkdown(), gfmAutolinkLiteralFromMarkdown()] });
}

/** Every node of a tree, depth first. */
function nodesOf(node: Nodes): Nodes[] {
  return [node, ...('children' in node ? node.children.flatMap((child) => nodesOf(child)) : [])];
}

describe('Markdown report', () => {
  it('gives a heading, a summary line, the metrics, the scorecard table, findings by pillar and suppressed findings', () => {
    const findings = [base, missingPay];
    const scorecard = buildScorecard(findings, [
      { ruleId: 'required-content/missing-pay', topic: 'pay', pillar: 'support', groups: ['migrants'], present: false },
      { ruleId: 'required-content/missing-hours', topic: 'hours', pillar: 'inform', groups: ['carers'], present: true },
    ]);
    const suppressed = [{ finding: { ...base, actual: 'commence', message: 'Use “start” instead of “commence”.' }, kind: 'inline' as const, reason: 'contract wording' }];
    const report = formatMarkdown([resultOf(findings, { metrics, scorecard, suppressed })], options);
    expect(report).toBe(
      [
        '# recruit-check report',
        '',
        '## `adverts/advert.md`',
        '',
        'Markdown file, checked as a job advert: 2 findings (1 error, 0 warnings, 1 info); 1 finding suppressed.',
        '',
        '100 words · 10 sentences · reading age 12.3 (target 14 or lower) · Flesch reading ease 70.1',
        '',
        '### I.D.E.A.S. scorecard',
        '',
        '| Pillar | Findings | Has | Missing | Affects |',
        '| --- | ---: | --- | --- | --- |',
        '| Inform | 1 | hours | none | everyone |',
        '| Develop | 0 | none | none | none |',
        '| Encourage | 0 | none | none | none |',
        '| Awareness | 0 | none | none | none |',
        '| Support | 1 | none | pay | carers, migrants and refugees |',
        '',
        '### Inform: 1 finding',
        '',
        '- **[1] Info:** Use “use” instead of “utilise”. `plain-language/simpler-words`',
        '  - Where: line 3, column 46 · “Job summary”',
        '  - Found: “utilise”',
        '  - Fix: use',
        '  - Who: everyone',
        '',
        '### Support: 1 finding',
        '',
        '- **[2] Error:** Say what the job pays. `required-content/missing-pay`',
        '  - Where: the whole document',
        '  - Fix: Give the pay in pounds.',
        '  - Who: people with caring responsibilities; migrants, refugees and people seeking asylum',
        '',
        '### Suppressed: 1 finding',
        '',
        '- **Info:** Use “start” instead of “commence”. `plain-language/simpler-words`',
        '  - Where: line 3, column 46 · “Job summary”',
        '  - Found: “commence”',
        '  - Suppressed by: a comment in the document: contract wording',
        '',
        '## Summary',
        '',
        '✖ 2 problems (1 error, 0 warnings, 1 info) in 1 file; 1 suppressed',
        '',
      ].join('\n'),
    );
  });

  it('says when a file could not be read, or has nothing to fix', () => {
    const bad = resultOf([], { path: 'bad.pdf', format: 'pdf', type: null, error: { code: 'not-pdf', message: 'bad.pdf: this is not a PDF' } });
    const report = formatMarkdown([bad, resultOf([])], options);
    expect(report).toContain('## `bad.pdf`\n\n**Could not be read:** bad.pdf: this is not a PDF (`not-pdf`)\n\n## ');
    expect(report).toContain('Markdown file, checked as a job advert: no findings.\n\nNo problems found.\n');
    expect(report.endsWith('## Summary\n\n✖ No problems found in 1 file; 1 file could not be read\n')).toBe(true);
  });

  it('escapes Markdown and HTML syntax, and shows control characters', () => {
    expect(escapeMarkdown('*bold* _it_ a|b <script> `code` [link](x) ~~gone~~ $x$ &amp; # \\')).toBe(
      '\\*bold\\* \\_it\\_ a\\|b \\<script\\> \\`code\\` \\[link\\](x) \\~\\~gone\\~\\~ \\$x\\$ \\&amp; \\# \\\\',
    );
    expect(escapeMarkdown('line one\n# not a heading\r\n- not a list')).toBe('line one \\# not a heading - not a list');
    expect(escapeMarkdown('bell\u0007 and \u202eoverride')).toBe('bell\\\\u{7} and \\\\u{202e}override');
    expect(escapeMarkdown('ask @manager about #12, or jobs@example.org')).toBe('ask @\u200Bmanager about \\#\u200B12, or jobs@\u200Bexample.org');
    expect(escapeMarkdown('see https://nhs.example.uk or www.example.org')).toBe('see https:\u200B//nhs.example.uk or www\u200B.example.org');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
  });

  it('lets no document break the table, add formatting, HTML, links or code', () => {
    const nasty = 'a | b *c* _d_ <img src=x onerror=alert(1)> `e` [f](https://example.org) ![g](h.png) www.example.org jobs@example.org https://x.example\n\n# i\n<script>alert(2)</script>';
    const finding: Finding = { ...base, message: `Bad ${nasty}`, actual: nasty, suggestions: [nasty], location: { ...base.location!, section: nasty } };
    const scorecard = buildScorecard([finding], [{ ruleId: 'x/y', topic: nasty, pillar: 'inform', groups: ['everyone'], present: true }]);
    const report = formatMarkdown(
      [resultOf([finding], { path: `${nasty}.md`, scorecard, suppressed: [{ finding, kind: 'allow-list', reason: nasty }] })],
      options,
    );
    const nodes = nodesOf(parse(report));
    const count = (type: Nodes['type']): number => nodes.filter((node) => node.type === type).length;
    expect(count('html')).toBe(0);
    expect(count('link')).toBe(0);
    expect(count('image')).toBe(0);
    expect(count('emphasis')).toBe(0);
    // The report's own: a file name, the finding's rule and the suppressed finding's rule.
    expect(nodes.filter((node) => node.type === 'inlineCode').map((node) => node.value)).toEqual([`${nasty.replace(/\s+/g, ' ')}.md`, base.ruleId, base.ruleId]);
    // One strong label per finding, no more.
    expect(count('strong')).toBe(2);
    // Headings: the report, the file, its sections, the summary.
    expect(nodes.flatMap((node) => (node.type === 'heading' ? [node.depth] : []))).toEqual([1, 2, 3, 3, 3, 2]);
    const table = nodes.find((node) => node.type === 'table');
    expect(table?.type === 'table' ? table.children.map((row) => row.children.length) : []).toEqual([5, 5, 5, 5, 5, 5]);
    expect(report).toContain('a \\| b \\*c\\* \\_d\\_ \\<img src=x onerror=alert(1)\\> \\`e\\` \\[f\\](https:\u200B//example.org) !\\[g\\](h.png) www\u200B.example.org jobs@\u200Bexample.org https:\u200B//x.example \\# i \\<script\\>alert(2)\\</script\\>');
  });

  it('writes the same report a file at a time as all at once', () => {
    const results = [resultOf([base]), resultOf([], { path: 'bad.pdf', error: { code: 'not-pdf', message: 'bad.pdf: not a PDF' } })];
    let written = '';
    const stream = reportStream('markdown', { ...options, colorLevel: 0 }, (piece) => (written += piece));
    for (const result of results) stream.file(result);
    stream.end();
    expect(written).toBe(formatReport('markdown', results, { ...options, colorLevel: 0 }));
  });

  it('is what the command writes with --format markdown', () => {
    const run = runCli(['fixtures/adverts/healthcare-assistant-jargon.md', 'fixtures/bad/truncated.pdf', '--format', 'markdown'], { timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(2);
    const report = run.stdout;
    expect(report).toMatch(/^# recruit-check report\n\n## `fixtures\/adverts\/healthcare-assistant-jargon\.md`\n\nMarkdown file, checked as a job advert because it says “[^”]+”, as adverts do: \d+ findings \(1 error, \d+ warnings, \d+ info\)\.\n/);
    expect(report).toMatch(/\| Inform \| \d+ \| pay, hours, location, contract type, how to apply, selection process, main tasks, closing date \| Access to Work, right to work \|/);
    expect(report).toContain('- **[1] Warning:** This sentence has 42 words: split it into sentences of 25 words or fewer. `readability/sentence-too-long`\n  - Where: line 9, column 1 · “Job summary”\n');
    expect(report).toContain('## `fixtures/bad/truncated.pdf`\n\n**Could not be read:** ');
    expect(report).toMatch(/## Summary\n\n✖ \d+ problems \(1 error, \d+ warnings, \d+ info\) in 1 file; 1 file could not be read\n$/);
    const headings = nodesOf(parse(report)).flatMap((node) => (node.type === 'heading' ? [node.depth] : []));
    expect(headings).toEqual([1, 2, 3, 3, 3, 3, 3, 3, 2, 2]);
  });
});
