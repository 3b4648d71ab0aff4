/** GitHub Actions annotations: one workflow command per finding, escaped as GitHub requires. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText, createChecker } from '../../src/check.js';
import { checkedFile, failedFile } from '../../src/engine/checker.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/report/github.js';
import { formatReport, reportStream } from '../../src/report/index.js';
import type { Finding } from '../../src/types.js';
import { root, runCli } from '../run-cli.js';
import { sampleFile, sampleFinding } from './samples.js';

const base = sampleFinding({ message: '“utilise” is a formal word.' });
const fileOf = sampleFile;
const lines = (text: string): string[] => text.split('\n').slice(0, -1);

describe('GitHub annotations', () => {
  it('writes one command per finding, with its lines and columns, then the totals', () => {
    expect(lines(formatGithub([fileOf([base])]))).toEqual([
      '::notice file=adverts/advert.md,line=3,endLine=3,col=46,endColumn=53,title=plain-language/simpler-words::“utilise” is a formal word.%0ASuggestion: “use”.',
      '✖ 1 problem (0 errors, 0 warnings, 1 info) in 1 file',
    ]);
  });

  it('uses error, warning and notice for the severities', () => {
    const findings: Finding[] = [{ ...base, severity: 'error' }, { ...base, severity: 'warning' }, base];
    expect(lines(formatGithub([fileOf(findings)])).map((line) => line.slice(0, line.indexOf(' ')))).toEqual(['::error', '::warning', '::notice', '✖']);
  });

  it('gives columns only for a finding on one line', () => {
    const across = { ...base, location: { ...base.location!, endLine: 4, endColumn: 2 } };
    expect(formatGithub([fileOf([across])])).toMatch(/^::notice file=adverts\/advert\.md,line=3,endLine=4,title=/);
  });

  it('escapes messages and properties as GitHub’s workflow commands require', () => {
    expect(escapeData('100% sure:\r\nyes, no')).toBe('100%25 sure:%0D%0Ayes, no');
    expect(escapeProperty('a%b:c,d\ne\r')).toBe('a%25b%3Ac%2Cd%0Ae%0D');
    const finding: Finding = { ...base, ruleId: 'pack/rule:odd,id', message: 'Pay 100%: ok, fine\n::error::fake\r\nend', suggestions: [] };
    const [line, ...rest] = lines(formatGithub([fileOf([finding], { path: 'job, ads/50%: advert.md' })]));
    expect(line).toBe(
      '::notice file=job%2C ads/50%25%3A advert.md,line=3,endLine=3,col=46,endColumn=53,title=pack/rule%3Aodd%2Cid::Pay 100%25: ok, fine%0A::error::fake%0Aend',
    );
    expect(rest).toHaveLength(1); // the totals: no document text started a line of its own
  });

  it('shows control characters from documents as escapes', () => {
    const output = formatGithub([fileOf([{ ...base, message: 'x\u001b[31mred\u202e' }], { path: 'evil\u0007.md' })]);
    expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(output).toContain('file=evil\\u{7}.md');
    expect(output).toContain('x\\u{1b}[31mred\\u{202e}');
  });

  it('gives Word, PDF and whole-document findings the file only, and says where they are', () => {
    const word: Finding = { ...base, severity: 'warning', location: { line: null, column: null, endLine: null, endColumn: null, page: null, paragraph: 12, section: 'About the role' } };
    const pdf: Finding = { ...base, severity: 'error', location: { line: 5, column: null, endLine: 5, endColumn: null, page: 2, paragraph: null, section: null } };
    const whole: Finding = { ...base, actual: null, location: null };
    const output = lines(formatGithub([fileOf([word], { path: 'a.docx', format: 'docx' }), fileOf([pdf, whole], { path: 'b.pdf', format: 'pdf' })]));
    expect(output.slice(0, 3)).toEqual([
      '::warning file=a.docx,title=plain-language/simpler-words::“utilise” is a formal word.%0ASuggestion: “use”.%0AWhere: paragraph 12 · “About the role”.',
      '::error file=b.pdf,title=plain-language/simpler-words::“utilise” is a formal word.%0ASuggestion: “use”.%0AWhere: page 2, line 5.',
      '::notice file=b.pdf,title=plain-language/simpler-words::“utilise” is a formal word.%0ASuggestion: “use”.%0AWhere: the whole document.',
    ]);
  });

  it('reports a file that could not be read as an error on that file, and leaves out standard input’s name', () => {
    const failed = failedFile('bad/cut.docx', 'docx', { code: 'corrupt-docx', message: 'bad/cut.docx: the Word file is damaged, or cut short' });
    expect(lines(formatGithub([failed, fileOf([base], { path: '-' })]))).toEqual([
      '::error file=bad/cut.docx::bad/cut.docx: the Word file is damaged, or cut short',
      '::notice line=3,endLine=3,col=46,endColumn=53,title=plain-language/simpler-words::“utilise” is a formal word.%0ASuggestion: “use”.',
      '✖ 1 problem (0 errors, 0 warnings, 1 info) in 1 file; 1 file could not be read',
    ]);
  });

  it('leaves suppressed findings out, and says when there is nothing to fix', () => {
    const result = fileOf([], { suppressed: [{ finding: base, kind: 'inline', reason: 'fine here' }] });
    const output = formatGithub([result]);
    expect(output).not.toContain('::');
    expect(output).toMatch(/^✔ No problems found in 1 file\b.*\n$/);
  });

  it('is written a file at a time exactly as the whole report', () => {
    const checker = createChecker();
    const options = { colorLevel: 0 as const, rules: new Map(checker.rules.map((rule) => [rule.meta.id, rule.meta])), readingAge: 14 };
    const file = 'fixtures/adverts/healthcare-assistant-jargon.md';
    const results = [
      checkedFile(file, 'markdown', checkText(readFileSync(path.join(root, file), 'utf8'), 'markdown', checker)),
      failedFile('missing.md', 'markdown', { code: 'not-found', message: 'missing.md: file not found' }),
    ];
    let written = '';
    const stream = reportStream('github', options, (text) => (written += text));
    for (const result of results) stream.file(result);
    stream.end();
    expect(written).toBe(formatReport('github', results, options));
  });
});

describe('GitHub annotations from the command', () => {
  it('writes workflow commands, one a line, for Markdown, Word and PDF files', () => {
    const run = runCli(['--format', 'github', 'fixtures/adverts/exclusionary.md', 'fixtures/word/poor-structure.docx', 'fixtures/pdf/poor-structure.pdf', 'fixtures/bad/truncated.docx']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(2);
    const output = lines(run.stdout);
    const totals = output.pop();
    expect(totals).toMatch(/^✖ \d+ problems \(\d+ errors, \d+ warnings, \d+ info\) in 3 files; 1 file could not be read$/);
    for (const line of output) expect(line).toMatch(/^::(error|warning|notice) file=fixtures\/[^:]+::\S/);
    expect(output.find((line) => line.includes('exclusionary.md'))).toMatch(/,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=/);
    expect(output.find((line) => line.includes('poor-structure.docx'))).toMatch(/^::\w+ file=fixtures\/word\/poor-structure\.docx,title=[^:]+::.*%0AWhere: paragraph \d+/);
    expect(output.find((line) => line.includes('poor-structure.pdf'))).toMatch(/%0AWhere: page \d+/);
    expect(output.filter((line) => line.startsWith('::error file=fixtures/bad/truncated.docx::'))).toHaveLength(1);
  });
});
