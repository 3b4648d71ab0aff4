/**
 * `recruit-check audit` as a command, on the project's fixtures: the formats it writes, what it
 * says about bad input, CSV cells that cannot run as formulas, escaping in the dashboard, and
 * --compare with itself (every change is 0).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditJson } from '../../src/audit/json.js';
import { root, runCli } from '../run-cli.js';

const work = mkdtempSync(path.join(tmpdir(), 'recruit-check-audit-command-'));
const folder = path.join(work, 'adverts');
mkdirSync(path.join(folder, 'north'), { recursive: true });
mkdirSync(path.join(folder, 'south'), { recursive: true });
copyFileSync(path.join(root, 'fixtures/adverts/exclusionary.md'), path.join(folder, 'north', 'exclusionary.md'));
copyFileSync(path.join(root, 'fixtures/adverts/support-worker-plain.md'), path.join(folder, 'north', 'plain.md'));
copyFileSync(path.join(root, 'fixtures/adverts/healthcare-assistant-jargon.docx'), path.join(folder, 'south', 'jargon.docx'));
// A file name a spreadsheet would run as a formula, and one that tries to add markup.
writeFileSync(path.join(folder, 'south', '=HYPERLINK(1).md'), readFileSync(path.join(root, 'fixtures/adverts/bare.md')));
writeFileSync(path.join(folder, 'south', '<img src=x onerror=alert(1)>.md'), '# Carer <script>alert(2)</script>\n\nEmployer: <b>Evil</b> Trust\n\nYou will utilise your skills.\n');

const audit = (args: readonly string[]) => runCli(['audit', ...args], { timeout: 300_000 });

describe('recruit-check audit, the command', () => {
  it('chooses its format from --output, and says what it wrote', () => {
    for (const [name, start] of [['a.json', '{'], ['a.csv', 'group,kind,measure'], ['a.html', '<!DOCTYPE html>']] as const) {
      const out = path.join(work, name);
      const run = audit([folder, '-o', out]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toBe(`recruit-check: wrote ${out} (${name.slice(2)}): 5 documents\n`);
      expect(readFileSync(out, 'utf8').startsWith(start)).toBe(true);
    }
    // Standard output, as HTML, without --output.
    expect(audit([folder]).stdout.startsWith('<!DOCTYPE html>')).toBe(true);
  }, 300_000);

  it('groups by folder, employer (from the document) or kind of document', () => {
    const by = (groupBy: string): Map<string, number> => {
      const report = JSON.parse(audit([folder, '--group-by', groupBy, '--format', 'json']).stdout) as AuditJson;
      return new Map(report.groups.map((group) => [group.name, group.documents]));
    };
    expect(by('folder')).toEqual(new Map([[path.join(folder, 'north'), 2], [path.join(folder, 'south'), 3]]));
    const employers = by('employer');
    // Markdown's inline HTML is not text: the employer is what a reader sees.
    expect(employers.get('Evil Trust')).toBe(1);
    expect([...employers.values()].reduce((a, b) => a + b, 0)).toBe(5);
    expect([...by('type').keys()]).toEqual(['job advert']);
  }, 300_000);

  it('writes CSV cells that a spreadsheet cannot run as formulas', () => {
    const csv = audit([folder, '--format', 'csv', '--group-by', 'employer']).stdout;
    expect(csv.split('\r\n')[0]).toBe('group,kind,measure,pillar,documents,with,findings,share,before,change');
    expect(csv).not.toMatch(/(^|\r\n|,)=HYPERLINK/);
  }, 300_000);

  it('escapes names and document text in the dashboard', () => {
    const html = audit([folder, '--group-by', 'employer']).stdout;
    expect(html).not.toMatch(/<img|<script>alert/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.md');
  }, 300_000);

  it('compared with itself, every measure is unchanged', () => {
    const previous = path.join(work, 'previous.json');
    expect(audit([folder, '-o', previous]).status).toBe(0);
    const report = JSON.parse(audit([folder, '--format', 'json', '--compare', previous]).stdout) as AuditJson;
    expect(report.compare?.file).toBe(previous);
    expect(report.compare?.changes.length).toBeGreaterThan(20);
    for (const change of report.compare?.changes ?? []) expect(change.change === 0 || (change.before === null && change.after === null), JSON.stringify(change)).toBe(true);
  }, 300_000);

  it('says in one line what is wrong with bad input, with exit code 2', () => {
    const cases: [readonly string[], RegExp][] = [
      [['-'], /^recruit-check: an audit reads files and folders, not standard input/],
      [[folder, '--compare', path.join(work, 'none.json')], /none\.json: file not found — name the JSON of an earlier audit/],
      [[folder, '--compare', path.join(root, 'package.json')], /package\.json: is not the JSON of a recruit-check audit/],
      [[path.join(work, 'missing-folder')], /missing-folder/],
      // A report that cannot be written is said at once, before any file is checked.
      [[folder, '-o', work], /: is a folder — name a file for the audit$/m],
      [[folder, '-o', path.join(work, 'no-such-folder', 'a.json')], /no-such-folder does not exist — create it first/],
    ];
    for (const [args, message] of cases) {
      const run = audit(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stderr).not.toMatch(/^recruit-check: wrote/m);
    }
  }, 300_000);
});
