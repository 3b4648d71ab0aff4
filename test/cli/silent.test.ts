/**
 * Nothing silent (issue 13, point 3): every case that used to fail quietly, or say something
 * misleading, gets a clear line and the exit code the README promises.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { root, runCli as run } from '../run-cli.js';

const JARGON = path.join(root, 'fixtures/adverts/healthcare-assistant-jargon.md');
const WORD = path.join(root, 'fixtures/word/well-made.docx');
let folder: string;

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'recruit-check-silent-'));
  copyFileSync(JARGON, path.join(folder, 'advert.md'));
});

describe('a first argument that is neither a file nor a command', () => {
  it.each([
    ['rule', 'rules'],
    ['explian', 'explain'],
    ['inti', 'init'],
  ])('“%s” gets “did you mean recruit-check %s” and exit code 2', (typed, command) => {
    const result = run([typed, 'driving-licence'], { cwd: folder });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`recruit-check: “${typed}” is not a file or a command — did you mean \`recruit-check ${command}\`? (\`recruit-check --help\` lists the commands)\n`);
  });

  it('“help” shows the help', () => {
    const result = run(['help'], { cwd: folder });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: recruit-check \[options\] \[command\] \[files\.\.\.\]/);
  });

  it('a file with a command-like name is still checked', () => {
    writeFileSync(path.join(folder, 'rule'), 'We utilise the rota.\n');
    const result = run(['rule', '--format', 'json'], { cwd: folder });
    expect(JSON.parse(result.stdout).files[0].path).toBe('rule');
  });
});

describe('rule names', () => {
  it('`explain` with a typo suggests the rule', () => {
    const result = run(['explain', 'driving-license']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('recruit-check: no rule “driving-license” — did you mean inclusive-language/driving-licence?\n');
  });

  it('a suppression comment takes the rule’s name alone, as `explain` and the config do', () => {
    const text = '<!-- recruit-check-disable-next-line words-to-avoid -- our house style -->\nWe utilise the rota.\n';
    const result = run(['-', '--format', 'json'], { input: text });
    const findings = JSON.parse(result.stdout).files[0].findings as { ruleId: string }[];
    expect(findings.map((finding) => finding.ruleId)).not.toContain('plain-language/words-to-avoid');
  });
});

describe('suppression comments', () => {
  it('say when they name no rule, with the nearest name, and suppress nothing', () => {
    const text = '<!-- recruit-check-disable-next-line acronym-not-expaned -- the glossary explains it -->\nWe use the MDT.\n';
    const result = run(['-', '--stdin-filename', 'advert.md', '--format', 'json'], { input: text });
    expect(result.stderr).toBe(
      'recruit-check: advert.md: line 1: the recruit-check comment names “acronym-not-expaned”, which is not a rule, so it suppresses nothing — did you mean plain-language/acronym-not-expanded?\n',
    );
    const findings = JSON.parse(result.stdout).files[0].findings as { ruleId: string }[];
    expect(findings.map((finding) => finding.ruleId)).toContain('plain-language/recruitment-jargon');
  });
});

describe('what a run did', () => {
  it('says when nothing was checked because no file matches a pattern', () => {
    const result = run([path.join(folder, 'nothing-*.md')]);
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(/no files match this pattern/);
    expect(result.stdout.trimEnd().split('\n').pop()).toBe('✖ Nothing was checked: 1 file could not be read');
  });

  it('never says “no problems” when a file could not be read', () => {
    const result = run([path.join(root, 'fixtures/adverts/support-worker-plain.md'), path.join(folder, 'missing.md')]);
    expect(result.status).toBe(2);
    expect(result.stdout.trimEnd().split('\n').pop()).toMatch(/^✖ .* in 1 file; 1 file could not be read$/);
  });

  it('says why --max-warnings failed the run', () => {
    const result = run([JARGON, '--max-warnings', '3']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^recruit-check: \d+ warnings, more than --max-warnings 3 allows$/m);
  });

  it('with --fail-on never, fails only on --max-warnings, and says so', () => {
    expect(run([JARGON, '--fail-on', 'never']).status).toBe(0);
    const both = run([JARGON, '--fail-on', 'never', '--max-warnings', '3']);
    expect(both.status).toBe(1);
    expect(both.stderr).toMatch(/more than --max-warnings 3 allows/);
  });

  it('with --quiet, says errors only are shown rather than “no problems”', () => {
    const result = run([path.join(root, 'fixtures/adverts/support-worker-plain.md'), '--quiet']);
    expect(result.stdout).toMatch(/^ {2}No errors \(warnings and information are not shown with --quiet\)/m);
    expect(result.stdout).not.toMatch(/No problems found\./);
  });

  it('with a baseline, counts the findings it records in one line instead of listing them', () => {
    const here = mkdtempSync(path.join(tmpdir(), 'recruit-check-baseline-'));
    copyFileSync(JARGON, path.join(here, 'advert.md'));
    expect(run(['advert.md', '--update-baseline'], { cwd: here }).status).toBe(0);
    const result = run(['advert.md', '--baseline', '.recruit-check-baseline.json'], { cwd: here });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ {2}No new problems found\./m);
    expect(result.stdout).toMatch(/^ {2}\d+ findings not shown: recorded in the baseline \.recruit-check-baseline\.json$/m);
    expect(result.stdout).not.toMatch(/ baseline +plain-language/);
  });
});

describe('--output', () => {
  it('writes the format the file name asks for, and says where it wrote', () => {
    const out = path.join(folder, 'report.html');
    const result = run([JARGON, '-o', out]);
    expect(result.status).toBe(1);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(result.stderr).toBe(`recruit-check: wrote ${out} (html)\n`);
    const json = path.join(folder, 'report.json');
    run([JARGON, '-o', json]);
    expect(JSON.parse(readFileSync(json, 'utf8')).version).toBe(1);
  });

  it('keeps an explicit --format', () => {
    const out = path.join(folder, 'terminal.html');
    run([JARGON, '-o', out, '--format', 'stylish']);
    expect(readFileSync(out, 'utf8')).toMatch(/^.*healthcare-assistant-jargon\.md\n {2}Checked as a job advert/);
  });
});

describe('--fix on what it cannot change', () => {
  it.each([['--fix'], ['--fix-dry-run']])('%s on a Word file points to --annotate, and changes nothing', (flag) => {
    const copy = path.join(folder, 'advert.docx');
    copyFileSync(WORD, copy);
    const before = readFileSync(copy);
    const result = run([copy, flag]);
    expect(result.stderr).toContain(`recruit-check: ${copy}: Word files are not changed by --fix — use \`--annotate ${copy.replace(/\.docx$/, '')}-reviewed.docx\``);
    expect(readFileSync(copy).equals(before)).toBe(true);
  });

  it('--fix on standard input says it is not changed', () => {
    const result = run(['-', '--fix'], { input: 'We utilise the rota.\n' });
    expect(result.stderr).toMatch(/^recruit-check: standard input is not changed by --fix: save it as a file/m);
  });
});

describe('--stdin-filename', () => {
  it('names standard input in the report, and gives GitHub annotations their file', () => {
    const stylish = run(['-', '--stdin-filename', 'adverts/nurse.md'], { input: 'We utilise the rota.\n' });
    expect(stylish.stdout.split('\n')[0]).toBe('adverts/nurse.md');
    const github = run(['-', '--stdin-filename', 'adverts/nurse.md', '--format', 'github'], { input: 'We utilise the rota.\n' });
    expect(github.stdout).toMatch(/^::warning file=adverts\/nurse\.md,line=1,/m);
    expect(existsSync(path.join(root, 'adverts/nurse.md'))).toBe(false);
  });
});
