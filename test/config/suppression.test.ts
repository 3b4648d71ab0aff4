/**
 * Suppression with a reason: inline comments in Markdown and HTML (next line, this line, ranges,
 * the whole document), and the baseline, so CI fails only on new findings. Suppressed findings
 * are counted and listed with their reasons.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDirective, resolveDirectives, nextTextLineIn } from '../../src/document/directives.js';
import { checkDocument } from '../../src/engine/checker.js';
import { createChecker } from '../../src/ruleset.js';
import { loadHtml } from '../../src/load/html.js';
import { loadMarkdown } from '../../src/load/markdown.js';
import { runCli } from '../run-cli.js';

const checker = createChecker();

function check(markdown: string) {
  return checkDocument(loadMarkdown(markdown), checker);
}

const ids = (findings: readonly { ruleId: string; actual: string | null }[]): string[] => findings.map((finding) => `${finding.ruleId} ${finding.actual}`);

describe('directive comments', () => {
  it('reads the kind, the rules and the reason', () => {
    expect(parseDirective(' recruit-check-disable-next-line plain-language/simpler-words, readability/* -- quoted from the law ', 3, 3)).toEqual({
      kind: 'disable-next-line',
      rules: ['plain-language/simpler-words', 'readability/*'],
      reason: 'quoted from the law',
      line: 3,
      endLine: 3,
    });
    expect(parseDirective('recruit-check-disable', 1, 1)).toMatchObject({ kind: 'disable', rules: [], reason: null });
    expect(parseDirective('recruit-check-enable -- done', 1, 1)).toMatchObject({ kind: 'enable', rules: [], reason: 'done' });
    expect(parseDirective(' just a comment ', 1, 1)).toBeNull();
    expect(parseDirective('recruit-check-disabled', 1, 1)).toBeNull();
  });

  it('covers the next line with text, skipping blank lines', () => {
    const source = '<!-- x -->\n\n\nText\n';
    const [suppression] = resolveDirectives([{ kind: 'disable-next-line', rules: [], reason: null, line: 1, endLine: 1 }], nextTextLineIn(source));
    expect(suppression).toMatchObject({ from: 4, to: 4 });
  });
});

describe('inline suppression in Markdown', () => {
  const plain = 'You will utilise the rota and commence at 7am.';

  it('suppresses the next line for the rules named, with the reason', () => {
    const before = check(`# Job\n\n${plain}\n`);
    expect(ids(before.findings)).toEqual(expect.arrayContaining(['plain-language/words-to-avoid utilise', 'plain-language/simpler-words commence']));
    const after = check(`# Job\n\n<!-- recruit-check-disable-next-line plain-language/simpler-words -- the rota system's own word -->\n${plain}\n`);
    expect(ids(after.findings)).toContain('plain-language/words-to-avoid utilise');
    expect(ids(after.findings)).not.toContain('plain-language/simpler-words commence');
    expect(after.suppressed).toEqual([
      { finding: expect.objectContaining({ ruleId: 'plain-language/simpler-words', actual: 'commence' }), kind: 'inline', reason: "the rota system's own word" },
    ]);
    // Nothing else changed.
    expect(after.findings.length + after.suppressed.length).toBe(before.findings.length);
  });

  it('suppresses only the next line, not the one after', () => {
    const result = check(`# Job\n\n<!-- recruit-check-disable-next-line -->\n${plain}\n\n${plain}\n`);
    expect(result.suppressed.every((entry) => entry.finding.location?.line === 4)).toBe(true);
    expect(result.findings.some((finding) => finding.location?.line === 6 && finding.actual === 'commence')).toBe(true);
  });

  it('suppresses the line a comment ends', () => {
    const result = check(`# Job\n\n${plain} <!-- recruit-check-disable-line plain-language/* -- agreed with the union -->\n`);
    expect(result.findings.filter((finding) => finding.ruleId.startsWith('plain-language/') && finding.location?.line === 3)).toEqual([]);
    expect(result.suppressed.length).toBeGreaterThanOrEqual(2);
  });

  it('suppresses a range between disable and enable', () => {
    const result = check(`# Job\n\n${plain}\n\n<!-- recruit-check-disable plain-language/simpler-words -- quoted -->\n\n${plain}\n\n<!-- recruit-check-enable plain-language/simpler-words -->\n\n${plain}\n`);
    const commence = result.findings.filter((finding) => finding.actual === 'commence').map((finding) => finding.location?.line);
    expect(commence).toEqual([3, 11]);
    expect(result.suppressed.map((entry) => entry.finding.location?.line)).toEqual([7]);
  });

  it('suppresses findings about the whole document with a disable that is never enabled', () => {
    const advert = '# Care assistant\n\nYou will help people wash and dress.\n';
    const missing = 'required-content/missing-closing-date';
    expect(check(advert).findings.map((finding) => finding.ruleId)).toContain(missing);
    const result = check(`${advert}\n<!-- recruit-check-disable ${missing} -- the closing date is on the jobs page -->\n`);
    expect(result.findings.map((finding) => finding.ruleId)).not.toContain(missing);
    expect(result.suppressed).toEqual([{ finding: expect.objectContaining({ ruleId: missing, location: null }), kind: 'inline', reason: 'the closing date is on the jobs page' }]);
  });

  it('says when no reason was given', () => {
    const result = check(`# Job\n\n<!-- recruit-check-disable-next-line -->\n${plain}\n`);
    expect(result.suppressed[0]?.reason).toBe('no reason given (the comment on line 3)');
  });

  it('ignores directives in code, which are examples, not comments', () => {
    const result = check(`# Job\n\n\`\`\`html\n<!-- recruit-check-disable -->\n\`\`\`\n\n${plain}\n\n\`<!-- recruit-check-disable -->\`\n`);
    expect(result.suppressed).toEqual([]);
  });
});

describe('inline suppression in HTML', () => {
  it('reads comments in the page', () => {
    const page = '<html lang="en"><head><title>Job</title></head><body>\n<h1>Job</h1>\n<!-- recruit-check-disable-next-line plain-language/simpler-words -- the law says commence -->\n<p>You commence at 7am.</p>\n<p>You commence at 8am.</p>\n</body></html>\n';
    const result = checkDocument(loadHtml(page), checker);
    expect(result.suppressed.map((entry) => [entry.finding.actual, entry.finding.location?.line, entry.reason])).toEqual([['commence', 4, 'the law says commence']]);
    expect(result.findings.some((finding) => finding.actual === 'commence' && finding.location?.line === 5)).toBe(true);
  });
});

describe('suppressed findings in the reports', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'recruit-check-suppress-'));
  writeFileSync(path.join(folder, 'advert.md'), '# Job\n\n<!-- recruit-check-disable-next-line plain-language/simpler-words -- quoted from the contract -->\nYou commence at 7am.\n');

  it('counts and lists them, with the reason, in the terminal report and JSON', () => {
    const stylish = runCli(['advert.md'], { cwd: folder });
    expect(stylish.stdout).toContain('1 finding suppressed:');
    expect(stylish.stdout).toMatch(/4:5 +comment +plain-language\/simpler-words “commence” — quoted from the contract/);
    expect(stylish.stdout).toMatch(/; 1 suppressed\n$/);
    const json = JSON.parse(runCli(['advert.md', '--format', 'json'], { cwd: folder }).stdout) as { files: { suppressed: unknown[] }[]; summary: { suppressed: number } };
    expect(json.summary.suppressed).toBe(1);
    expect(json.files[0]?.suppressed).toEqual([{ finding: expect.objectContaining({ ruleId: 'plain-language/simpler-words' }), kind: 'inline', reason: 'quoted from the contract' }]);
  });
});

describe('the baseline', () => {
  const advert = '# Care assistant\n\nYou will utilise the rota and commence at 7am.\n';

  function setup(): string {
    const folder = mkdtempSync(path.join(tmpdir(), 'recruit-check-baseline-'));
    writeFileSync(path.join(folder, 'advert.md'), advert);
    writeFileSync(path.join(folder, 'other.md'), advert);
    return folder;
  }

  const json = (stdout: string) => JSON.parse(stdout) as { files: { path: string; findings: { ruleId: string; actual: string | null }[]; suppressed: { kind: string; reason: string }[] }[]; summary: Record<string, number> };

  it('records every finding, then reports only new ones, and fails only on them', () => {
    const folder = setup();
    const before = json(runCli(['advert.md', '--format', 'json', '--fail-on', 'warning'], { cwd: folder }).stdout);
    const found = before.files[0]?.findings.length ?? 0;
    expect(found).toBeGreaterThan(2);

    const update = runCli(['advert.md', '--update-baseline', '--format', 'json', '--fail-on', 'warning'], { cwd: folder });
    expect(update.status).toBe(0);
    expect(update.stderr).toBe(`recruit-check: wrote ${found} findings in 1 file to the baseline .recruit-check-baseline.json\n`);
    const written = JSON.parse(readFileSync(path.join(folder, '.recruit-check-baseline.json'), 'utf8')) as { version: number; files: Record<string, unknown[]> };
    expect(written.version).toBe(1);
    expect(Object.keys(written.files)).toEqual(['advert.md']);

    const same = runCli(['advert.md', '--baseline', '.recruit-check-baseline.json', '--format', 'json', '--fail-on', 'warning'], { cwd: folder });
    expect(same.status).toBe(0);
    const report = json(same.stdout);
    expect(report.files[0]?.findings).toEqual([]);
    expect(report.summary['suppressed']).toBe(found);
    expect(report.files[0]?.suppressed.every((entry) => entry.kind === 'baseline' && entry.reason === 'recorded in the baseline .recruit-check-baseline.json')).toBe(true);

    // Lines moved and one more “utilise”: only the new one is reported.
    writeFileSync(path.join(folder, 'advert.md'), `# Care assistant\n\nAbout us.\n\n${advert.split('\n\n')[1]}\nYou will also utilise the van.\n`);
    const changed = runCli(['advert.md', '--baseline', '.recruit-check-baseline.json', '--format', 'json', '--fail-on', 'warning'], { cwd: folder });
    expect(changed.status).toBe(1);
    expect(json(changed.stdout).files[0]?.findings.map((finding) => finding.actual)).toEqual(['utilise']);

    // A file that is not in the baseline reports everything.
    expect(json(runCli(['other.md', '--baseline', '.recruit-check-baseline.json', '--format', 'json'], { cwd: folder }).stdout).files[0]?.findings.length).toBe(found);
  });

  it('keeps the entries of files not checked when it is updated', () => {
    const folder = setup();
    runCli(['advert.md', 'other.md', '--update-baseline'], { cwd: folder });
    writeFileSync(path.join(folder, 'other.md'), '# Care assistant\n\nPlain words only.\n');
    runCli(['other.md', '--update-baseline'], { cwd: folder });
    const written = JSON.parse(readFileSync(path.join(folder, '.recruit-check-baseline.json'), 'utf8')) as { files: Record<string, { ruleId: string }[]> };
    expect(Object.keys(written.files)).toEqual(['advert.md', 'other.md']);
    expect(written.files['other.md']?.some((entry) => entry.ruleId === 'plain-language/simpler-words')).toBe(false);
  });

  it('refuses a missing or damaged baseline with one line and exit code 2', () => {
    const folder = setup();
    const missing = runCli(['advert.md', '--baseline', 'nope.json'], { cwd: folder });
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe('recruit-check: nope.json: baseline file not found — make it with --update-baseline\n');
    writeFileSync(path.join(folder, 'bad.json'), '{"version": 9}');
    expect(runCli(['advert.md', '--baseline', 'bad.json'], { cwd: folder }).stderr).toBe('recruit-check: bad.json: is not a recruit-check baseline (version 1) — make it again with --update-baseline\n');
  });
});

describe('the baseline and the document text', () => {
  it('keeps each highlight on its own finding when findings are suppressed', async () => {
    const { applyBaseline } = await import('../../src/baseline.js');
    const { checkedFile } = await import('../../src/engine/checker.js');
    const { createChecker: create } = await import('../../src/ruleset.js');
    const doc = loadMarkdown('# Job\n\nYou will utilise the rota, commence at 7am and facilitate training.\n');
    const result = checkedFile('advert.md', 'markdown', checkDocument(doc, create({ options: { keepText: true } })));
    const baseline = { file: 'baseline.json', files: new Map([['advert.md', [{ ruleId: 'plain-language/words-to-avoid', actual: 'utilise', count: 1 }]]]) };
    const after = applyBaseline(result, baseline);
    expect(after.suppressed.map((entry) => entry.finding.actual)).toEqual(['utilise']);
    const marked = (after.text?.highlights ?? []).map((highlight) => [after.text?.blocks[highlight.block]?.text.slice(highlight.start, highlight.end), after.findings[highlight.finding]?.actual]);
    expect(marked.length).toBeGreaterThan(0);
    for (const [text, actual] of marked) if (actual && actual.length < 20) expect(text).toBe(actual);
    expect(marked.some(([text]) => text === 'utilise')).toBe(false);
  });
});
