/**
 * `--fix`, `--fix-dry-run` and `--output`: safe fixes applied atomically to Markdown and text,
 * the fixed file re-checked has none of the fixed findings and nothing else changed; a dry run
 * changes nothing; a report written to a file appears only when complete.
 */
import { chmodSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits, fixEdits } from '../../src/fix.js';
import type { Finding } from '../../src/types.js';
import { root, runCli } from '../run-cli.js';

interface Report {
  files: { path: string; findings: Finding[] }[];
}

function folderWith(...fixtures: string[]): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'recruit-check-fix-'));
  for (const fixture of fixtures) copyFileSync(path.join(root, fixture), path.join(folder, path.basename(fixture)));
  return folder;
}

const json = (folder: string, args: string[]): Report => JSON.parse(runCli(['--format', 'json', '--no-config', ...args], { cwd: folder, timeout: 60_000 }).stdout) as Report;

/** A finding as a key that does not depend on its column (fixes earlier in a line move it). */
const key = (finding: Finding): string => `${finding.ruleId}|${finding.actual}|${finding.location?.line ?? 'document'}`;

describe('--fix', () => {
  it.each(['fixtures/adverts/healthcare-assistant-jargon.md', 'fixtures/adverts/healthcare-assistant-jargon.txt'])('fixes %s: none of the fixed findings remain, nothing else changes', (fixture) => {
    const folder = folderWith(fixture);
    const name = path.basename(fixture);
    const original = readFileSync(path.join(folder, name), 'utf8');
    const before = json(folder, [name]).files[0]?.findings ?? [];
    const safe = before.filter((finding) => finding.fix?.safe);
    expect(safe.length).toBeGreaterThan(0);

    const run = runCli(['--fix', '--no-config', '--format', 'json', name], { cwd: folder, timeout: 60_000 });
    const fixedText = readFileSync(path.join(folder, name), 'utf8');
    expect(fixedText).not.toBe(original);
    const fixedCount = Number(/fixed (\d+) findings? in 1 file/.exec(run.stderr)?.[1]);
    expect(fixedCount).toBeGreaterThan(0);
    expect(fixedCount).toBeLessThanOrEqual(safe.length);

    // The report of a --fix run is the fixed file's, and re-checking gives the same.
    const after = json(folder, [name]).files[0]?.findings ?? [];
    expect((JSON.parse(run.stdout) as Report).files[0]?.findings).toEqual(after);
    const afterKeys = new Set(after.map(key));
    const fixed = safe.filter((finding) => !afterKeys.has(key(finding)));
    expect(fixed.length).toBe(fixedCount);
    // Everything that was not fixed is still there, and nothing new appeared (by rule and line:
    // a finding on a whole sentence quotes the sentence, which now has the fixed words in it).
    // Only a readability finding may go: “prior to” → “before” can bring a sentence under the limit.
    const place = (finding: Finding): string => `${finding.ruleId}|${finding.location?.line ?? 'document'}`;
    const fixedKeys = new Set(fixed.map(key));
    const kept = before.filter((finding) => !fixedKeys.has(key(finding)));
    const words = (list: readonly Finding[]): string[] => list.filter((finding) => finding.category !== 'readability').map(place).sort();
    expect(words(after)).toEqual(words(kept));
    const readability = (list: readonly Finding[]): string[] => list.filter((finding) => finding.category === 'readability').map(place);
    const readableBefore = new Set(readability(kept));
    expect(readability(after).filter((entry) => !readableBefore.has(entry))).toEqual([]);

    // Lines without a fixed finding are untouched; each fixed line has exactly its replacements.
    const beforeLines = original.split('\n');
    const afterLines = fixedText.split('\n');
    expect(afterLines.length).toBe(beforeLines.length);
    const fixedLines = new Set(fixed.map((finding) => finding.location?.line));
    beforeLines.forEach((line, index) => {
      if (!fixedLines.has(index + 1)) expect(afterLines[index], `line ${index + 1}`).toBe(line);
    });
    for (const finding of fixed) expect(afterLines[(finding.location?.line ?? 0) - 1]).toContain(finding.suggestions[0]);
    // No temporary file is left behind.
    expect(readdirSync(folder)).toEqual([name]);
  });

  it('keeps the file’s permissions and byte order mark', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'recruit-check-fix-'));
    const file = path.join(folder, 'advert.md');
    writeFileSync(file, '\uFEFF# Job\n\nYou will utilise the rota.\n');
    chmodSync(file, 0o640);
    runCli(['--fix', '--no-config', 'advert.md'], { cwd: folder });
    expect(readFileSync(file, 'utf8')).toBe('\uFEFF# Job\n\nYou will use the rota.\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('leaves Word and PDF files alone', () => {
    const folder = folderWith('fixtures/adverts/healthcare-assistant-jargon.docx');
    const before = readFileSync(path.join(folder, 'healthcare-assistant-jargon.docx'));
    runCli(['--fix', '--no-config', 'healthcare-assistant-jargon.docx'], { cwd: folder, timeout: 60_000 });
    expect(readFileSync(path.join(folder, 'healthcare-assistant-jargon.docx')).equals(before)).toBe(true);
  });

  it('fixes in worker threads as in the main thread', () => {
    const serial = folderWith('fixtures/adverts/healthcare-assistant-jargon.md');
    const parallel = mkdtempSync(path.join(tmpdir(), 'recruit-check-fix-'));
    for (let index = 0; index < 8; index++) copyFileSync(path.join(serial, 'healthcare-assistant-jargon.md'), path.join(parallel, `advert-${index}.md`));
    runCli(['--fix', '--no-config', '--jobs', '1', '.'], { cwd: serial });
    const run = runCli(['--fix', '--no-config', '--jobs', '2', '.'], { cwd: parallel, timeout: 60_000 });
    expect(run.stderr).toMatch(/fixed \d+ findings in 8 files/);
    const expected = readFileSync(path.join(serial, 'healthcare-assistant-jargon.md'), 'utf8');
    for (let index = 0; index < 8; index++) expect(readFileSync(path.join(parallel, `advert-${index}.md`), 'utf8')).toBe(expected);
  });
});

describe('--fix-dry-run', () => {
  it('prints the diff and changes nothing', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'recruit-check-fix-'));
    writeFileSync(path.join(folder, 'advert.md'), '# Job\n\nYou will utilise the rota and commence at 7am.\n\nWe facilitate training.\n');
    const run = runCli(['--fix-dry-run', '--no-config', 'advert.md'], { cwd: folder });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      ['--- a/advert.md', '+++ b/advert.md', '@@ -2,3 +2,3 @@', ' ', '-You will utilise the rota and commence at 7am.', '+You will use the rota and start at 7am.', ' ', ''].join('\n'),
    );
    expect(run.stderr).toBe('recruit-check: --fix would make 2 changes in 1 file; nothing was changed\n');
    expect(readFileSync(path.join(folder, 'advert.md'), 'utf8')).toMatch(/utilise/);
  });
});

describe('fix edits', () => {
  const finding = (actual: string, line: number, column: number, suggestion: string, safe = true): Finding =>
    ({
      ruleId: 'plain-language/simpler-words',
      actual,
      suggestions: [suggestion],
      location: { line, column, endLine: line, endColumn: column + actual.length, page: null, paragraph: null, section: null },
      ...(safe ? { fix: { safe: true } } : {}),
    }) as unknown as Finding;

  it('edits only where the text still matches, and never twice in one place', () => {
    const text = 'a utilise b\r\nc commence d\n';
    const edits = fixEdits(text, [
      finding('utilise', 1, 3, 'use'),
      finding('utilise b', 1, 3, 'x'),
      finding('commence', 2, 3, 'start'),
      finding('commence', 2, 5, 'start'),
      finding('d', 2, 12, 'e', false),
    ]);
    expect(applyEdits(text, edits)).toBe('a use b\r\nc start d\n');
  });
});

describe('--output', () => {
  it('writes the report to the file, not standard output', () => {
    const folder = folderWith('fixtures/adverts/healthcare-assistant-jargon.md');
    const run = runCli(['--no-config', '--format', 'json', '--output', 'report.json', 'healthcare-assistant-jargon.md'], { cwd: folder });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const written = JSON.parse(readFileSync(path.join(folder, 'report.json'), 'utf8')) as Report;
    expect(written.files[0]?.findings.length).toBeGreaterThan(0);
    expect(readdirSync(folder).sort()).toEqual(['healthcare-assistant-jargon.md', 'report.json']);
    // Never coloured, even when colour is forced for the terminal.
    runCli(['--no-config', '--output', 'report.txt', 'healthcare-assistant-jargon.md'], { cwd: folder, env: { FORCE_COLOR: '1' } });
    expect(readFileSync(path.join(folder, 'report.txt'), 'utf8')).not.toMatch(/\u001b\[/);
  });

  it('says when the file cannot be written, and checks nothing', () => {
    const run = runCli(['--output', 'no/such/folder/report.json', 'fixtures/adverts/bare.md']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('recruit-check: no/such/folder/report.json: the folder no/such/folder does not exist — create it first, or name another file\n');
  });
});
