/**
 * Configuration: each config source, the nearest one winning, what each key does, and a clear
 * one-line error (file, line for YAML, key, what is allowed) with exit code 2 for each bad config.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigFinder, readConfigFile, validateConfig } from '../../src/config/config.js';
import { starterConfig } from '../../src/config/init.js';
import { root, runCli } from '../run-cli.js';

const ADVERT = path.join(root, 'fixtures/adverts/healthcare-assistant-jargon.md');

/** A temporary project: files written from `files` (path → text), with the jargon advert as `advert.md`. */
function project(files: Record<string, string> = {}): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'recruit-check-config-'));
  copyFileSync(ADVERT, path.join(folder, 'advert.md'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), text);
  }
  return folder;
}

interface JsonReport {
  files: { path: string; type: string; findings: { ruleId: string; severity: string; actual: string | null }[]; suppressed: { finding: { actual: string }; kind: string; reason: string }[] }[];
  summary: Record<string, number>;
}

function check(folder: string, args: string[] = ['advert.md']): { status: number | null; report: JsonReport | null; stderr: string } {
  const result = runCli(['--format', 'json', ...args], { cwd: folder, timeout: 60_000 });
  return { status: result.status, report: result.stdout ? (JSON.parse(result.stdout) as JsonReport) : null, stderr: result.stderr };
}

const RULE = 'plain-language/simpler-words';

describe('config sources', () => {
  const baseline = check(project());
  const count = (report: JsonReport | null, id = RULE): number => report?.files[0]?.findings.filter((finding) => finding.ruleId === id).length ?? -1;

  it('has findings of the rule the configs below turn off, without a config', () => {
    expect(baseline.status).toBe(1);
    expect(count(baseline.report)).toBeGreaterThan(0);
  });

  it.each([
    ['.recruit-checkrc.json', JSON.stringify({ rules: { [RULE]: 'off' } })],
    ['.recruit-checkrc.yaml', `rules:\n  ${RULE}: off\n`],
    ['.recruit-checkrc.yml', `rules:\n  ${RULE}: off\n`],
    ['package.json', JSON.stringify({ name: 'adverts', 'recruit-check': { rules: { [RULE]: 'off' } } })],
    // The rule's name alone, as `explain` and suppression comments take it.
    ['.recruit-checkrc.yaml', 'rules:\n  simpler-words: off\n'],
  ])('reads %s in the file’s folder', (name, text) => {
    const { status, report } = check(project({ [name]: text }));
    expect(status).toBe(1);
    expect(count(report)).toBe(0);
    expect(report?.files[0]?.findings.length).toBeGreaterThan(0);
  });

  it('finds the config in a folder above the file, and the nearest config wins', () => {
    const folder = project({
      '.recruit-checkrc.json': JSON.stringify({ rules: { [RULE]: 'off' } }),
      'team/.recruit-checkrc.yaml': `rules:\n  ${RULE}: error\n`,
    });
    copyFileSync(ADVERT, path.join(folder, 'team/advert.md'));
    mkdirSync(path.join(folder, 'other/deeper'), { recursive: true });
    copyFileSync(ADVERT, path.join(folder, 'other/deeper/advert.md'));
    const { report } = check(folder, ['team/advert.md', 'other/deeper/advert.md', 'advert.md']);
    const [team, other, top] = report?.files ?? [];
    expect(team?.findings.filter((finding) => finding.ruleId === RULE).every((finding) => finding.severity === 'error')).toBe(true);
    expect(team?.findings.some((finding) => finding.ruleId === RULE)).toBe(true);
    expect(other?.findings.some((finding) => finding.ruleId === RULE)).toBe(false);
    expect(top?.findings.some((finding) => finding.ruleId === RULE)).toBe(false);
  });

  it('skips a package.json without a recruit-check key and looks further up', () => {
    const folder = project({ '.recruit-checkrc.json': JSON.stringify({ rules: { [RULE]: 'off' } }), 'sub/package.json': '{"name":"x"}' });
    copyFileSync(ADVERT, path.join(folder, 'sub/advert.md'));
    expect(count(check(folder, ['sub/advert.md']).report)).toBe(0);
  });

  it('uses --config for every file, and --no-config for none', () => {
    const folder = project({ 'ci/strict.yaml': `rules:\n  ${RULE}: off\n`, '.recruit-checkrc.json': JSON.stringify({ rules: { [RULE]: 'error' } }) });
    expect(count(check(folder, ['--config', 'ci/strict.yaml', 'advert.md']).report)).toBe(0);
    const none = check(folder, ['--no-config', 'advert.md']);
    expect(none.report?.files[0]?.findings).toEqual(baseline.report?.files[0]?.findings);
  });

  it('uses the working folder’s config for standard input', () => {
    const folder = project({ '.recruit-checkrc.json': JSON.stringify({ rules: { [RULE]: 'off' } }) });
    const result = runCli(['--format', 'json', '-'], { cwd: folder, input: readFileSync(ADVERT) });
    expect(count(JSON.parse(result.stdout) as JsonReport)).toBe(0);
  });

  it('turns a whole pack off with pack/*, a rule named on its own winning', () => {
    const { report } = check(project({ '.recruit-checkrc.yaml': `rules:\n  plain-language/*: off\n  ${RULE}: info\n` }));
    const ids = new Set(report?.files[0]?.findings.map((finding) => finding.ruleId));
    expect([...ids].filter((id) => id.startsWith('plain-language/'))).toEqual([RULE]);
    expect(report?.files[0]?.findings.filter((finding) => finding.ruleId === RULE).every((finding) => finding.severity === 'info')).toBe(true);
  });

  it('sets the profile and thresholds, and the command line wins over them', () => {
    const long = (report: JsonReport | null): number => count(report, 'readability/sentence-too-long');
    const easyRead = project({ '.recruit-checkrc.yaml': 'profile: easy-read\n' });
    expect(long(check(easyRead).report)).toBeGreaterThan(long(baseline.report));
    expect(check(easyRead, ['--profile', 'standard', 'advert.md']).report?.files).toEqual(baseline.report?.files);
    const short = project({ '.recruit-checkrc.yaml': 'options:\n  sentenceWarnWords: 8\n  sentenceInfoWords: 8\n' });
    expect(long(check(short).report)).toBeGreaterThan(long(baseline.report));
    const hard = (report: JsonReport | null): number => count(report, 'readability/hard-sentence');
    const young = project({ '.recruit-checkrc.yaml': 'options:\n  readingAge: 9\n' });
    expect(hard(check(young).report)).toBeGreaterThan(hard(baseline.report));
    expect(hard(check(young, ['--reading-age', '14', 'advert.md']).report)).toBe(hard(baseline.report));
  });

  it('gives document types by pattern, unless --type is given', () => {
    const folder = project({ '.recruit-checkrc.json': JSON.stringify({ types: { 'letters/**': 'interview-invitation' } }) });
    mkdirSync(path.join(folder, 'letters'));
    copyFileSync(ADVERT, path.join(folder, 'letters/invite.md'));
    expect(check(folder, ['letters/invite.md', 'advert.md']).report?.files.map((file) => file.type)).toEqual(['interview-invitation', 'advert']);
    expect(check(folder, ['--type', 'job-description', 'letters/invite.md']).report?.files[0]?.type).toBe('job-description');
  });

  it('suppresses allowed phrases, listing them with the config as the reason', () => {
    const { report } = check(project({ '.recruit-checkrc.json': JSON.stringify({ allow: ['mdt', 'Pro  Rata'] }) }));
    const file = report?.files[0];
    expect(file?.findings.some((finding) => /^(mdt|pro rata)$/i.test(finding.actual ?? ''))).toBe(false);
    expect(file?.suppressed.map((entry) => entry.finding.actual.toLowerCase()).sort()).toEqual(['mdt', 'pro rata']);
    expect(file?.suppressed.every((entry) => entry.kind === 'allow-list' && entry.reason === 'allowed in .recruit-checkrc.json')).toBe(true);
    expect(report?.summary['suppressed']).toBe(2);
    const before = baseline.report?.files[0]?.findings.length ?? 0;
    expect(file?.findings.length).toBe(before - 2);
  });

  it('knows the acronyms a config lists', () => {
    const acronym = (report: JsonReport | null) => report?.files[0]?.findings.filter((finding) => finding.ruleId === 'plain-language/acronym-not-expanded').map((finding) => finding.actual);
    expect(acronym(baseline.report)).toContain('KPI');
    expect(acronym(check(project({ '.recruit-checkrc.json': JSON.stringify({ acronyms: ['KPI'] }) })).report)).not.toContain('KPI');
  });

  it('adds an organisation’s own rule pack, relative to the config file', () => {
    const pack = [
      'pack: our-words',
      'rules:',
      '  - id: team-names',
      '    category: plain-language',
      '    severity: warning',
      '    pillar: inform',
      '    groups: [everyone]',
      '    description: Team names outsiders do not know',
      '    note: Outsiders do not know our team names.',
      '    seed: Inform — “No jargon, easy to read job adverts”.',
      '    fix: Say what the team does.',
      '    message: "“{actual}” is a team name outsiders do not know"',
      '    entries:',
      '      - match: [blue team]',
      '        suggest: [the ward team]',
      '',
    ].join('\n');
    const folder = project({ 'config/.recruit-checkrc.yaml': 'packs:\n  - packs/ours.yml\n', 'config/packs/ours.yml': pack });
    writeFileSync(path.join(folder, 'config/advert.md'), '# Care assistant\n\nYou will join the blue team on the ward.\n');
    const { report, stderr } = check(folder, ['config/advert.md']);
    expect(stderr).toBe('');
    expect(report?.files[0]?.findings.map((finding) => finding.ruleId)).toContain('our-words/team-names');
  });

  it('leaves out ignored files found in folders, and says so for a file named on the command line', () => {
    const folder = project({ '.recruit-checkrc.json': JSON.stringify({ ignore: ['drafts/**'] }) });
    mkdirSync(path.join(folder, 'drafts'));
    copyFileSync(ADVERT, path.join(folder, 'drafts/old.md'));
    expect(check(folder, ['.']).report?.files.map((file) => file.path)).toEqual(['advert.md']);
    const named = check(folder, ['drafts/old.md', 'advert.md']);
    expect(named.report?.files.map((file) => file.path)).toEqual(['advert.md']);
    expect(named.stderr).toBe('recruit-check: drafts/old.md: not checked — .recruit-checkrc.json ignores it (use --no-ignore to check it)\n');
    const only = check(folder, ['drafts/old.md']);
    expect(only.status).toBe(2);
    expect(only.stderr).toMatch(/every file given is ignored by the config/);
    expect(check(folder, ['--no-ignore', 'drafts/old.md']).report?.files.map((file) => file.path)).toEqual(['drafts/old.md']);
  });

  it('uses the config in worker threads as in the main thread', () => {
    const folder = project({ '.recruit-checkrc.yaml': `rules:\n  ${RULE}: off\nallow: [MDT]\ntypes:\n  "b*.md": job-description\n` });
    for (const name of ['a1.md', 'a2.md', 'b1.md', 'b2.md', 'b3.md']) copyFileSync(ADVERT, path.join(folder, name));
    const serial = runCli(['--format', 'json', '--jobs', '1', '.'], { cwd: folder, timeout: 60_000 });
    const parallel = runCli(['--format', 'json', '--jobs', '2', '.'], { cwd: folder, timeout: 60_000 });
    expect(parallel.stdout).toBe(serial.stdout);
    expect((JSON.parse(serial.stdout) as JsonReport).files.map((file) => file.type)).toEqual(['advert', 'advert', 'advert', 'job-description', 'job-description', 'job-description']);
  });
});

describe('bad configs', () => {
  it.each([
    ['.recruit-checkrc.json', '{"profile": nhs}', /^recruit-check: \.recruit-checkrc\.json: invalid JSON \(unexpected token .*\) — fix the syntax/],
    ['.recruit-checkrc.yaml', 'rules:\n  - a\n   b: [\n', /^recruit-check: \.recruit-checkrc\.yaml:2: invalid YAML/],
    ['.recruit-checkrc.json', '[1, 2]', /: the config: must be a mapping of settings \(profile, options, rules, types, employers, packs, allow, acronyms, ignore\)/],
    ['.recruit-checkrc.json', '{"colour": true}', /\.recruit-checkrc\.json: colour: unknown key; allowed: profile, options, rules/],
    ['.recruit-checkrc.yaml', 'profile: nhss\n', /\.recruit-checkrc\.yaml:1: profile: is “nhss”; allowed: standard, nhs, easy-read/],
    ['.recruit-checkrc.yaml', 'rules:\n  plain-language/simpler-word: off\n', /:2: rules\.plain-language\/simpler-word: no rule with this id — did you mean plain-language\/simpler-words\?/],
    ['.recruit-checkrc.yaml', 'rules:\n  readability/smog-grade: off\n', /:2: rules\.readability\/smog-grade: this rule is now part of readability\/reading-age .* — set readability\/reading-age instead/],
    ['.recruit-checkrc.yaml', 'rules:\n  readability/hard-sentence: nope\n', /:2: rules\.readability\/hard-sentence: is “nope”; allowed: error, warning, info, off/],
    ['.recruit-checkrc.json', '{"rules": {"simpler-words!": "off"}}', /rules\.simpler-words!: is not a rule id — write `pack\/rule-name`/],
    // A rule's name alone, as `explain` takes it, with a “did you mean” for a typo.
    ['.recruit-checkrc.yaml', 'rules:\n  acronym-not-expaned: off\n', /:2: rules\.acronym-not-expaned: no rule with this id — did you mean plain-language\/acronym-not-expanded\?/],
    ['.recruit-checkrc.json', '{"rules": {"nopack/*": "off"}}', /rules\.nopack\/\*: no rule pack “nopack” — the packs are plain-language, /],
    ['.recruit-checkrc.yaml', 'options:\n  readingAge: 40\n', /:2: options\.readingAge: is 40; it must be a number from 5 to 25/],
    ['.recruit-checkrc.yaml', 'options:\n  sentenceWarnWords: 12.5\n', /options\.sentenceWarnWords: is 12\.5; it must be a whole number from 5 to 200/],
    ['.recruit-checkrc.yaml', 'options:\n  longSentences: 12\n', /options\.longSentences: unknown option; allowed: readingAge, sentenceWarnWords/],
    ['.recruit-checkrc.yaml', 'types:\n  "letters/**": letter\n', /types\.letters\/\*\*: is “letter”; allowed: advert, job-description, person-specification, interview-invitation/],
    ['.recruit-checkrc.json', '{"allow": "MDT"}', /\.recruit-checkrc\.json: allow: must be a list of phrases/],
    ['.recruit-checkrc.yaml', 'ignore:\n  - 3\n', /:2: ignore\[0\]: must be a file pattern \(text\), not 3/],
    ['.recruit-checkrc.yaml', 'packs:\n  - missing.yml\n', /:2: packs: .*missing\.yml.*not found/],
    ['package.json', '{"recruit-check": {"profile": 3}}', /package\.json: recruit-check\.profile: is 3; allowed: standard/],
  ])('%s containing %j is one line and exit code 2', (name, text, message) => {
    const { status, report, stderr } = check(project({ [name]: text }));
    expect(status).toBe(2);
    expect(report).toBeNull();
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('says when the file given to --config does not exist or has no settings', () => {
    const folder = project({ 'package.json': '{"name": "x"}' });
    expect(check(folder, ['--config', 'nope.json', 'advert.md']).stderr).toBe('recruit-check: nope.json: config file not found — check the path given to --config\n');
    expect(check(folder, ['--config', 'package.json', 'advert.md']).stderr).toMatch(/package\.json: has no “recruit-check” key/);
  });

  it('stops `rules` and `explain` too', () => {
    const folder = project({ '.recruit-checkrc.json': '{"profile": "x"}' });
    const result = runCli(['rules'], { cwd: folder });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/profile: is “x”/);
  });
});

describe('init', () => {
  it('writes a starter config that is valid, changes nothing, and refuses to overwrite', () => {
    const folder = project();
    const first = runCli(['init'], { cwd: folder });
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Wrote \.recruit-checkrc\.yaml/);
    const written = readFileSync(path.join(folder, '.recruit-checkrc.yaml'), 'utf8');
    expect(written).toBe(starterConfig());
    const config = readConfigFile(path.join(folder, '.recruit-checkrc.yaml'));
    expect(config?.profile).toBe('standard');
    // The starter config checks exactly as no config does.
    expect(check(folder).report?.files).toEqual(check(folder, ['--no-config', 'advert.md']).report?.files);
    const again = runCli(['init'], { cwd: folder });
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/\.recruit-checkrc\.yaml: there is a config here already — edit it, or run `recruit-check init --force`/);
    expect(runCli(['init', '--force'], { cwd: folder }).status).toBe(0);
  });

  it('refuses when another kind of config is there, even with --force', () => {
    const folder = project({ 'package.json': '{"recruit-check": {}}' });
    const result = runCli(['init', '--force'], { cwd: folder });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/package\.json \(its "recruit-check" key\): there is a config here already — edit it, or remove it first/);
  });

  it('documents every key the validator accepts', () => {
    const text = starterConfig();
    for (const key of ['profile', 'options', 'rules', 'types', 'packs', 'allow', 'acronyms', 'ignore']) expect(text).toMatch(new RegExp(`^${key}:`, 'm'));
  });
});

describe('the config finder', () => {
  it('reads each folder once', () => {
    const folder = project({ '.recruit-checkrc.json': '{}' });
    const finder = new ConfigFinder({ fixed: null, search: true });
    const first = finder.forFile(path.join(folder, 'a/b/c.md'));
    expect(first?.folder).toBe(folder);
    expect(finder.forFile(path.join(folder, 'a/b/d.md'))).toBe(first);
  });

  it('treats keys with nothing after them as left out', () => {
    const config = validateConfig({ rules: null, options: null, allow: null }, '/x/.recruit-checkrc.yaml', () => 'x');
    expect(config.rules).toEqual({});
    expect(config.allow).toEqual([]);
  });
});
