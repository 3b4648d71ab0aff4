/** The real `recruit-check` command, run as a user or a CI pipeline would run it. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { root, runCli as run } from './run-cli.js';

const JARGON = 'fixtures/adverts/healthcare-assistant-jargon.md';
const PLAIN = 'fixtures/adverts/support-worker-plain.md';

let bad: string;

beforeAll(() => {
  bad = mkdtempSync(path.join(tmpdir(), 'recruit-check-bad-'));
  writeFileSync(path.join(bad, 'empty.md'), '');
  writeFileSync(path.join(bad, 'blank.md'), '   \n\n\t\n');
  writeFileSync(path.join(bad, 'binary.md'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10, 0x41, 0x00]));
  writeFileSync(path.join(bad, 'really-a-word-file.md'), Buffer.from('PK\u0003\u0004rest-of-zip', 'latin1'));
  writeFileSync(path.join(bad, 'latin1.txt'), Buffer.from('Caf\u00e9 assistant\nApply now.\n', 'latin1'));
  writeFileSync(path.join(bad, 'huge.md'), 'word '.repeat(300_000));
  writeFileSync(path.join(bad, 'advert.rtf'), 'Plain words.');
  mkdirSync(path.join(bad, 'nothing-here'));
  writeFileSync(path.join(bad, 'nothing-here', 'logo.png'), 'not checked');
});

describe('recruit-check command', () => {
  it('prints its version', () => {
    const result = run(['--version']);
    const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(result.stdout.trim()).toBe(version);
    expect(result.status).toBe(0);
  });

  it('prints help with the exit codes', () => {
    const result = run(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Usage: recruit-check \[options\] \[command\] \[files\.\.\.\]/);
    expect(result.stdout).toMatch(/^ {2}rules \[options\] +list every rule/m);
    expect(result.stdout).toMatch(/^ {2}explain <rule> +/m);
    expect(result.stdout).toMatch(/--fail-on <level>/);
    expect(result.stdout).toMatch(/2 {2}a usage error, or a file that could not be read/);
  });

  it('refuses to run without files, in one line, with exit 2', () => {
    const result = run([]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/no files given/);
  });

  it('refuses unknown options and bad values with exit 2 and no stack trace', () => {
    for (const args of [['--bogus', PLAIN], ['--format', 'xml', PLAIN], ['--fail-on', 'sometimes', PLAIN], ['--max-warnings', '-1', PLAIN], ['--reading-age', 'old', PLAIN]]) {
      const result = run(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^recruit-check: /);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('opens each file with what it was checked as, the counts and what to fix first, and exits 1 on an error', () => {
    const result = run([JARGON]);
    expect(result.status).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('fixtures/adverts/healthcare-assistant-jargon.md');
    expect(lines[1]).toBe('  Checked as a job advert because it says “How to apply”, as adverts do.');
    expect(lines[2]).toMatch(/^ {2}1 error, \d+ warnings, \d+ info · 244 words · 10 sentences · reading age \d+\.\d \(target 14 or lower\)/);
    expect(lines[4]).toBe('  Fix these first');
    // The sample's one error is within the first 15 lines: first in the “fix these first” list.
    const error = lines.findIndex((line) => /^ {4}document {2}error {4}Tell people what support they can have: this job advert says nothing about adjustments, /.test(line));
    expect(error).toBeGreaterThan(0);
    expect(error).toBeLessThan(15);
    // Then the findings by severity, one line each: where, what and the fix.
    expect(result.stdout).toMatch(/^ {2}Errors \(1\)\n {4}document {2}Tell people what support/m);
    expect(result.stdout).toMatch(/^ {2}Warnings \(\d+\)$/m);
    expect(result.stdout).toMatch(/^ {4}9:157 {5}“MDT” is jargon: say it means a team of different health and care workers\. {2}plain-language\/recruitment-jargon$/m);
    expect(result.stdout).toMatch(/^ {4}9:1 {7}This sentence has 42 words: .+ {2}“We are seeking a dynamic, highly motivated self-s…” {2}readability\/sentence-too-long$/m);
    // Why and who once per rule.
    expect(result.stdout.match(/^ {4}plain-language\/recruitment-jargon: Terms like/gm)).toHaveLength(1);
    expect(result.stdout).toMatch(/^ {4}plain-language\/recruitment-jargon: .+ Affects migrants, refugees and people seeking asylum/m);
    expect(result.stdout).toMatch(/^ {2}I\.D\.E\.A\.S\. scorecard for this job advert$/m);
    expect(result.stdout).toMatch(/^ +Support +\d+ findings · .*missing .*adjustments/m);
    expect(result.stdout).toMatch(/✖ \d+ problems \(1 error, \d+ warnings, \d+ info\) in 1 file/);
    expect(result.stdout).not.toMatch(/\u001b\[/);
    // Under half the 262 lines of the long form the report had before.
    expect(lines.length).toBeLessThan(131);
  });

  it('gives every finding its section, text, fix, why and who with --verbose', () => {
    const result = run([JARGON, '--verbose']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^ {2}9:157 +warning +“MDT” is jargon: .+ plain-language\/recruitment-jargon$/m);
    expect(result.stdout).toMatch(/^ +in +Job summary$/m);
    expect(result.stdout).toMatch(/^ +found +“MDT”$/m);
    expect(result.stdout).toMatch(/^ +fix +a team of different health and care workers$/m);
    expect(result.stdout).toMatch(/^ +why +Terms like/m);
    expect(result.stdout).toMatch(/^ +who +migrants, refugees and people seeking asylum/m);
    expect(result.stdout).toMatch(/^ {2}document +error +Tell people what support they can have: /m);
    expect(result.stdout).toMatch(/^ {2}I\.D\.E\.A\.S\. scorecard for this job advert \(checked as one because it says “[^”]+”, as adverts do\)$/m);
  });

  it('wraps long lines to the terminal, under their own text', async () => {
    const { main } = await import('../src/cli.js');
    let stdout = '';
    const status = await main([JARGON], {
      stdout: { write: (text: string) => (stdout += text), isTTY: true, columns: 80 },
      stderr: { write: () => true },
      readStdin: () => Promise.resolve(new Uint8Array()),
      env: { NO_COLOR: '1' },
    });
    expect(status).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.filter((line) => line.length > 80)).toEqual([]);
    const mdt = lines.findIndex((line) => line.startsWith('    9:157     “MDT” is jargon'));
    expect(lines[mdt + 1]).toMatch(/^ {14}\S/);
  });

  it('fails on warnings when asked, and on too many warnings', () => {
    expect(run([JARGON, '--fail-on', 'warning']).status).toBe(1);
    expect(run([JARGON, '--max-warnings', '0']).status).toBe(1);
    expect(run([JARGON, '--max-warnings', '1000']).status).toBe(1);
    expect(run([PLAIN, '--max-warnings', '1000']).status).toBe(0);
    expect(run([PLAIN]).status).toBe(0);
    expect(run([JARGON, '--fail-on', 'never']).status).toBe(0);
    expect(run([PLAIN, '--fail-on', 'warning']).status).toBe(0);
    expect(run([PLAIN, '--fail-on', 'info']).status).toBe(0);
    // Information only (a simpler word for “commence”): exit 1 only at --fail-on info.
    const infoOnly = ['-', '--stdin-filename', 'note.md', '--type', 'person-specification'];
    const input = '# Person specification\n\nYou will need to commence work in May.\n';
    expect(run(infoOnly, { input }).status).toBe(0);
    expect(run([...infoOnly, '--fail-on', 'info'], { input }).status).toBe(1);
  });

  it('hides warnings and info with --quiet but still counts them for the exit code', () => {
    const result = run([JARGON, '--quiet', '--fail-on', 'warning']);
    expect(result.stdout).not.toMatch(/warning {2}/);
    expect(result.status).toBe(1);
  });

  it('checks folders recursively and glob patterns, each file once', () => {
    const folder = run(['fixtures/adverts', '--format', 'json']);
    const paths = (JSON.parse(folder.stdout) as { files: { path: string }[] }).files.map((file) => file.path);
    expect(paths).toContain(JARGON);
    expect(paths).toContain(PLAIN);
    const glob = run(['fixtures/adverts/*.md', PLAIN, '--format', 'json']);
    const globbed = (JSON.parse(glob.stdout) as { files: { path: string }[] }).files.map((file) => file.path);
    expect(globbed.filter((file) => file === PLAIN)).toHaveLength(1);
    expect(globbed.every((file) => file.endsWith('.md'))).toBe(true);
  });

  it('reads standard input as Markdown, or in the format of --stdin-filename', () => {
    const markdown = run(['-', '--format', 'json'], { input: '# Job\n\nYou will utilise the MDT.\n' });
    const report = JSON.parse(markdown.stdout) as { files: { path: string; format: string; findings: { actual: string }[] }[] };
    expect(report.files[0]?.path).toBe('-');
    expect(report.files[0]?.format).toBe('markdown');
    expect(report.files[0]?.findings.map((finding) => finding.actual)).toContain('MDT');
    const text = run(['-', '--stdin-filename', 'advert.txt', '--format', 'json'], { input: 'Apply by 01/12/27.\n' });
    expect((JSON.parse(text.stdout) as { files: { format: string }[] }).files[0]?.format).toBe('text');
  });

  it('gives each bad input a one-line error and exit 2, and still checks the other files', () => {
    const files = ['empty.md', 'blank.md', 'binary.md', 'really-a-word-file.md', 'latin1.txt', 'huge.md', 'advert.rtf', 'missing.md', 'nothing-here'].map((name) => path.join(bad, name));
    const result = run([PLAIN, ...files, JARGON, '--format', 'json', '--max-file-size', '1']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as { files: { path: string; error: { code: string; message: string } | null; findings: unknown[] }[] };
    const byName = new Map(report.files.map((file) => [path.basename(file.path), file]));
    const codes = Object.fromEntries([...byName].map(([name, file]) => [name, file.error?.code ?? null]));
    expect(codes).toEqual({
      'support-worker-plain.md': null,
      'empty.md': 'empty-file',
      'blank.md': 'empty-file',
      'binary.md': 'binary-file',
      // Chosen by content, not by name: a zip is read as Word, and this one is cut short.
      'really-a-word-file.md': 'corrupt-docx',
      'latin1.txt': 'not-utf8',
      'huge.md': 'too-large',
      'advert.rtf': 'unsupported-format',
      'missing.md': 'not-found',
      'nothing-here': 'no-files',
      'healthcare-assistant-jargon.md': null,
    });
    for (const file of report.files) {
      if (!file.error) continue;
      expect(file.error.message.split('\n')).toHaveLength(1);
      expect(file.error.message.startsWith(file.path)).toBe(true);
      expect(file.error.message).toMatch(/ — /);
    }
    expect(byName.get('healthcare-assistant-jargon.md')?.findings.length).toBeGreaterThan(10);
    expect(byName.get('latin1.txt')?.error?.message).toMatch(/byte 0xE9 on line 1/);
  });

  it('shows bad input as one line in the terminal report', () => {
    const result = run([path.join(bad, 'latin1.txt'), PLAIN]);
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(/latin1\.txt\n {2}error {2}.+latin1\.txt: is not UTF-8 text .+ {2}not-utf8\n/);
    expect(result.stdout).toMatch(/1 file could not be read/);
    expect(result.stderr).toBe('');
  });

  it('uses colour only when forced or on a terminal, and respects NO_COLOR', () => {
    expect(run([JARGON]).stdout).not.toMatch(/\u001b\[/);
    expect(run([JARGON], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\u001b\[/);
    expect(run([JARGON, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(/\u001b\[/);
    expect(run([JARGON], { env: { FORCE_COLOR: '0' } }).stdout).not.toMatch(/\u001b\[/);
  });

  it('never lets control characters from a document reach the terminal', () => {
    const input =
      'You \u001b[31mred\u001b[0m and \u202ereversed\u202c words\u0007 in a sentence that goes on and on for far too many words to be easy to read for anyone at all today.\n';
    const result = run(['-'], { input });
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e\u202c]/);
    expect(result.stdout).toMatch(/\\u\{1b\}/);
  });
});
