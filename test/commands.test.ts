/** `recruit-check rules`, `recruit-check explain` and `--type`, as a user runs them. */
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from '../src/cli.js';
import { allRules } from '../src/ruleset.js';
import { runCli as run } from './run-cli.js';


/** Run the CLI in this process (fast enough to do for every rule), capturing what it writes. */
async function runInProcess(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    readStdin: () => Promise.resolve(new Uint8Array()),
    env: {},
  };
  const status = await main(args, io);
  return { status, stdout, stderr };
}

describe('recruit-check rules', () => {
  const listed = run(['rules']);
  const lines = listed.stdout.trimEnd().split('\n');
  const rows = lines.slice(1, -1);

  it('lists every rule with its id, severity, pillar, category and one line', () => {
    expect(listed.status).toBe(0);
    expect(lines[0]).toMatch(/^rule +severity +pillar +category +what it looks for$/);
    expect(rows).toHaveLength(allRules().length);
    for (const row of rows) {
      expect(row).toMatch(/^[a-z-]+\/[a-z0-9-]+ +(error|warning|info) +(Inform|Develop|Encourage|Awareness|Support) +[a-z-]+ +\S.{9,}$/);
    }
    expect(lines.at(-1)).toBe(`${allRules().length} rules. Run \`recruit-check explain <rule>\` for any of them.`);
  });

  it('lists them as JSON for programs', () => {
    const json = run(['rules', '--format', 'json']);
    const rules = JSON.parse(json.stdout) as { id: string; pillar: string; appliesTo: Record<string, string> | null }[];
    expect(rules.map((rule) => rule.id)).toEqual(rows.map((row) => row.split(/\s+/)[0]));
    expect(rules.find((rule) => rule.id === 'required-content/missing-pay')?.appliesTo).toEqual({ advert: 'error', 'job-description': 'warning' });
  });

  it('explains every rule it lists: note, who, seed, examples flagged and not, and the fix', async () => {
    for (const row of rows) {
      const id = row.split(/\s+/)[0] as string;
      const meta = allRules().find((rule) => rule.meta.id === id)?.meta;
      const result = await runInProcess(['explain', id]);
      expect(result.status, id).toBe(0);
      expect(result.stderr).toBe('');
      const out = result.stdout;
      expect(out.startsWith(`${id} (`)).toBe(true);
      for (const heading of ['What it looks for', 'Why it matters', 'Who it affects', 'Checked in', 'The co-created solution it comes from', 'How to fix it', 'Flagged', 'Not flagged']) {
        expect(out, `${id}: ${heading}`).toContain(`\n${heading}\n`);
      }
      expect(out).toContain(meta?.note);
      expect(out).toContain(meta?.seed);
      expect(out).toContain(meta?.fix);
      expect(out).toMatch(/\n {2}✖ /);
      expect(out).toMatch(/\n {2}✔ /);
    }
  });

  it('explains a rule by the name after the slash, and refuses an unknown one with exit 2', () => {
    const short = run(['explain', 'driving-licence']);
    expect(short.status).toBe(0);
    expect(short.stdout).toMatch(/^inclusive-language\/driving-licence \(warning/);
    const unknown = run(['explain', 'plain-language/driving-licence']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('recruit-check: no rule “plain-language/driving-licence” — did you mean inclusive-language/driving-licence?\n');
  });
});

describe('--type', () => {
  const reportOf = (args: string[]): { type: string; findings: { ruleId: string }[] } => {
    const result = run([...args, '--format', 'json', '--fail-on', 'never']);
    expect(result.status).toBe(0);
    return (JSON.parse(result.stdout) as { files: { type: string; findings: { ruleId: string }[] }[] }).files[0] as never;
  };

  it('detects the document type from the title and headings, or takes it from --type', () => {
    expect(reportOf(['fixtures/documents/job-description.md']).type).toBe('job-description');
    expect(reportOf(['fixtures/documents/interview-invitation.md']).type).toBe('interview-invitation');
    const asAdvert = reportOf(['fixtures/documents/job-description.md', '--type', 'advert']);
    expect(asAdvert.type).toBe('advert');
    expect(asAdvert.findings.map((finding) => finding.ruleId)).toContain('required-content/missing-closing-date');
  });

  it('refuses a type it does not know, with exit 2', () => {
    const result = run(['fixtures/adverts/bare.md', '--type', 'letter']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^recruit-check: option '--type <type>' argument 'letter' is invalid\. Allowed choices are advert, job-description, person-specification, interview-invitation\.\n$/);
  });
});
