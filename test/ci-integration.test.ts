/**
 * The CI integration files: the GitHub Action (action.yml and its script, run here as the
 * runner would run them) and the pre-commit hook definition.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXTENSIONS } from '../src/load/read.js';
import { root } from './run-cli.js';

interface Action {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: { id?: string; uses?: string; run?: string; env?: Record<string, string>; if?: string; with?: Record<string, string> }[] };
}

const action = parse(readFileSync(path.join(root, 'action.yml'), 'utf8')) as Action;

/** Run the action's check step as the runner would, in `folder`. */
function runCheckStep(folder: string, inputs: Record<string, string>): { outputs: Record<string, string>; stdout: string; status: number | null } {
  const output = path.join(folder, 'github-output.txt');
  writeFileSync(output, '');
  const step = action.runs.steps.find((candidate) => candidate.id === 'check');
  // The step's env maps each input to an INPUT_* variable: fill them as GitHub would.
  const env: Record<string, string> = { ...(process.env as Record<string, string>), GITHUB_ACTION_PATH: root, GITHUB_OUTPUT: output };
  delete env['FORCE_COLOR'];
  for (const [name, expression] of Object.entries(step?.env ?? {})) {
    const input = /\$\{\{ inputs\.([\w-]+) \}\}/.exec(expression)?.[1] ?? '';
    env[name] = inputs[input] ?? action.inputs[input]?.default ?? '';
  }
  const result = spawnSync('bash', ['-c', step?.run ?? ''], { cwd: folder, env, encoding: 'utf8', timeout: 60_000 });
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
  );
  return { outputs, stdout: result.stdout, status: result.status };
}

describe('the GitHub Action', () => {
  it('is a composite action whose steps use only its own inputs and outputs', () => {
    expect(action.runs.using).toBe('composite');
    const text = readFileSync(path.join(root, 'action.yml'), 'utf8');
    for (const [, input] of text.matchAll(/inputs\.([\w-]+)/g)) expect(Object.keys(action.inputs), input).toContain(input);
    for (const [, output] of text.matchAll(/steps\.check\.outputs\.([\w-]+)/g)) expect(['exit-code', 'sarif-file']).toContain(output);
    expect(action.runs.steps.some((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))).toBe(true);
  });

  it('writes the SARIF report and annotations, and passes on the exit code', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'recruit-check-action-'));
    copyFileSync(path.join(root, 'fixtures/adverts/healthcare-assistant-jargon.md'), path.join(folder, 'advert.md'));
    const { outputs, stdout, status } = runCheckStep(folder, { files: '*.md' });
    expect(status).toBe(0);
    expect(outputs).toEqual({ 'exit-code': '1', 'sarif-file': 'recruit-check.sarif' });
    const sarif = JSON.parse(readFileSync(path.join(folder, 'recruit-check.sarif'), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results.length).toBeGreaterThan(10);
    expect(stdout).toMatch(/^::(error|warning|notice) file=advert\.md,line=/m);
  });

  it('checks nothing, and says what to set, when no documents are named', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'recruit-check-action-'));
    writeFileSync(path.join(folder, 'README.md'), '# Our project\n\nWe utilise many tools.\n');
    expect(action.inputs['files']?.required).toBe(true);
    const output = path.join(folder, 'github-output.txt');
    writeFileSync(output, '');
    const step = action.runs.steps.find((candidate) => candidate.id === 'check');
    const env: Record<string, string> = { ...(process.env as Record<string, string>), GITHUB_ACTION_PATH: root, GITHUB_OUTPUT: output, INPUT_FILES: '' };
    const result = spawnSync('bash', ['-c', step?.run ?? ''], { cwd: folder, env, encoding: 'utf8', timeout: 60_000 });
    expect(result.stderr).toMatch(/^recruit-check: set the action's `files` input to your recruitment documents/);
    expect(readFileSync(output, 'utf8')).toBe('exit-code=2\nsarif-file=\n');
  });

  it('passes options through, and exits 0 when nothing is at the fail-on level', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'recruit-check-action-'));
    copyFileSync(path.join(root, 'fixtures/adverts/healthcare-assistant-jargon.md'), path.join(folder, 'advert.md'));
    const { outputs } = runCheckStep(folder, { files: 'advert.md', 'fail-on': 'never', args: '--profile nhs', annotations: 'false', 'sarif-file': 'out.sarif' });
    expect(outputs).toEqual({ 'exit-code': '0', 'sarif-file': 'out.sarif' });
  });
});

describe('the pre-commit hook', () => {
  const [hook] = parse(readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string }[];

  it('runs the package’s command on every format it reads', () => {
    const bin = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin;
    expect(hook?.language).toBe('node');
    expect(Object.keys(bin)).toContain(hook?.entry);
    // pre-commit's `(?i)` prefix, as JavaScript's `i` flag.
    const files = new RegExp((hook?.files ?? '').replace(/^\(\?i\)/, ''), 'i');
    for (const extension of Object.keys(EXTENSIONS)) expect(files.test(`adverts/nurse${extension.toUpperCase()}`), extension).toBe(true);
    expect(files.test('src/index.ts')).toBe(false);
  });

  it('checks only recruitment documents, in the folders people keep them in — never the README or docs', () => {
    const files = new RegExp((hook?.files ?? '').replace(/^\(\?i\)/, ''), 'i');
    for (const document of ['adverts/nurse.md', 'hr/recruitment/2027/porter.docx', 'Vacancies/ward-clerk.pdf', 'templates/advert.html', 'jobs/hca.txt']) expect(files.test(document), document).toBe(true);
    for (const other of ['README.md', 'docs/guide.md', 'CHANGELOG.md', 'notes/adverts.md', 'src/adverts.ts']) expect(files.test(other), other).toBe(false);
  });
});
