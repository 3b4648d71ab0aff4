/**
 * Bad Word and PDF input, through the real command: each gets a one-line error naming the file
 * and saying what to do, exit code 2 and no stack trace; the other files are still checked; and
 * nothing is written anywhere.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runCli } from './run-cli.js';

const corpus = path.join(root, '../shared/corpus');

interface Report {
  files: { path: string; format: string | null; error: { code: string; message: string } | null; findings: unknown[] }[];
}

function run(args: string[]): { status: number | null; report: Report; stderr: string } {
  const result = runCli(['--format', 'json', ...args], { timeout: 60_000 });
  return { status: result.status, report: JSON.parse(result.stdout) as Report, stderr: result.stderr };
}

function fingerprint(folder: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(folder).sort()) hash.update(name).update(readFileSync(path.join(folder, name)));
  return hash.digest('hex');
}

const BAD: Readonly<Record<string, string>> = {
  'fixtures/bad/truncated.docx': 'corrupt-docx',
  'fixtures/bad/not-word.docx': 'not-word',
  'fixtures/bad/macro-enabled.docm': 'macro-enabled',
  'fixtures/bad/old-word-format.doc': 'old-word-format',
  'fixtures/bad/external-entity.docx': 'unsafe-xml',
  'fixtures/bad/zip-bomb.docx': 'zip-bomb',
  'fixtures/bad/truncated.pdf': 'corrupt-pdf',
  'fixtures/bad/not-a-pdf.pdf': 'corrupt-pdf',
  'fixtures/bad/password-protected.pdf': 'encrypted',
};

describe('bad Word and PDF files', () => {
  it('each gets its own one-line error and exit 2, while the good files are still checked, and nothing is written', () => {
    const before = fingerprint(path.join(root, 'fixtures/bad'));
    const files = ['fixtures/adverts/healthcare-assistant-jargon.docx', ...Object.keys(BAD), 'fixtures/adverts/healthcare-assistant-jargon.pdf'];
    const { status, report, stderr } = run(files);
    expect(status).toBe(2);
    expect(stderr).toBe('');
    const codes = Object.fromEntries(report.files.map((file) => [file.path, file.error?.code ?? null]));
    expect(codes).toEqual({ 'fixtures/adverts/healthcare-assistant-jargon.docx': null, ...BAD, 'fixtures/adverts/healthcare-assistant-jargon.pdf': null });
    for (const file of report.files) {
      if (file.error === null) {
        expect(file.findings.length).toBeGreaterThan(10);
        continue;
      }
      expect(file.error.message.split('\n')).toHaveLength(1);
      expect(file.error.message.startsWith(`${file.path}: `)).toBe(true);
      expect(file.error.message).toMatch(/ — \S/);
      expect(file.error.message).not.toMatch(/ at .*\.js:\d+/);
    }
    expect(fingerprint(path.join(root, 'fixtures/bad'))).toBe(before);
  });

  it.runIf(existsSync(corpus))('refuses password-protected Word files (from the corpus: LibreOffice 7.4 cannot make them)', () => {
    const files = ['docx/edge-cases/poi__bug53475-password-is-pass.docx', 'docx/edge-cases/poi__protected_agile.docx'].map((file) => path.join(corpus, file));
    const { status, report } = run(files);
    expect(status).toBe(2);
    expect(report.files.map((file) => file.error?.code)).toEqual(['encrypted', 'encrypted']);
    expect(report.files[0]?.error?.message).toMatch(/is password-protected — remove the password/);
  });

  it('stops a file of any format that takes longer than the time limit, and goes on with the next file', () => {
    const { status, report } = run(['--timeout', '0.001', 'fixtures/pdf/untagged.pdf', 'fixtures/adverts/support-worker-plain.md']);
    expect(status).toBe(2);
    // Each file has its own time limit: the second is stopped too, not left unreported.
    expect(report.files.map((file) => file.error?.code ?? null)).toEqual(['timeout', 'timeout']);
    expect(report.files[0]?.error?.message).toBe(
      'fixtures/pdf/untagged.pdf: took longer than 0 s to check, so it was stopped — it may be built to slow checkers down; check where it came from, or raise the limit with --timeout',
    );
  });

  it('reads a file by its content, not its name', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'recruit-check-named-'));
    copyFileSync(path.join(root, 'fixtures/adverts/healthcare-assistant-jargon.pdf'), path.join(folder, 'advert.docx'));
    copyFileSync(path.join(root, 'fixtures/adverts/healthcare-assistant-jargon.docx'), path.join(folder, 'advert.md'));
    writeFileSync(path.join(folder, 'advert.pdf'), '<!DOCTYPE html><html lang="en"><head><title>Job</title></head><body><p>You will utilise the MDT.</p></body></html>');
    const { status, report } = run([path.join(folder, 'advert.docx'), path.join(folder, 'advert.md'), path.join(folder, 'advert.pdf')]);
    expect(report.files.map((file) => [path.basename(file.path), file.format, file.error])).toEqual([
      ['advert.docx', 'pdf', null],
      ['advert.md', 'docx', null],
      ['advert.pdf', 'html', null],
    ]);
    // Read and checked: the adverts have findings (1), not unreadable files (2).
    expect(status).toBe(1);
  });
});
