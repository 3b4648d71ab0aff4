/**
 * The SARIF report: its shape, its fingerprints and locations, and real output of the command
 * validated by Microsoft's SARIF multitool with the SARIF and GitHub code scanning rules.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkText, createChecker } from '../../src/check.js';
import { checkedFile, failedFile } from '../../src/engine/checker.js';
import { formatReport, reportStream } from '../../src/report/index.js';
import { artifactUri, findingText, formatSarif, placeText, ruleName } from '../../src/report/sarif.js';
import type { FileResult, Finding } from '../../src/types.js';
import { root, runCli } from '../run-cli.js';
import { sampleFile, sampleFinding } from './samples.js';

/** The parts of a SARIF log these tests read. */
interface Region {
  startLine?: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}
interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
  index?: number;
}
interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: ArtifactLocation; region?: Region }; logicalLocations?: { name: string; kind: string }[] }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: string; justification: string }[];
  properties: Record<string, unknown>;
}
interface SarifRule {
  id: string;
  name: string;
  helpUri: string;
  shortDescription: { text: string };
  defaultConfiguration: { level: string };
  help: { text: string; markdown: string };
}
interface SarifNotification {
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: ArtifactLocation } }[];
}
interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
    columnKind: string;
    results: SarifResult[];
    artifacts: { location: ArtifactLocation }[];
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: SarifNotification[] }[];
  }[];
}

const checker = createChecker();
const rules = new Map(checker.rules.map((rule) => [rule.meta.id, rule.meta]));
const options = { colorLevel: 0 as const, rules, readingAge: 14 };
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');
const resultFor = (file: string, text = read(file)): FileResult => checkedFile(file, 'markdown', checkText(text, 'markdown', checker));
const parse = (text: string): SarifLog => JSON.parse(text) as SarifLog;
const runOf = (log: SarifLog) => log.runs[0]!;
const prints = (log: SarifLog): string[] => runOf(log).results.map((result) => result.partialFingerprints['recruitCheck/v1'] ?? '');

const base = sampleFinding({ message: '“utilise” is a formal word.' });
const fileOf = sampleFile;

describe('SARIF report', () => {
  it('is one pretty-printed JSON document naming the schema, the tool and every rule it ran', () => {
    const text = formatSarif([resultFor('fixtures/adverts/healthcare-assistant-jargon.md')], { rules, toolVersion: '9.9.9' });
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    const log = parse(text);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    const run = runOf(log);
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.tool.driver).toMatchObject({ name: 'recruit-check', version: '9.9.9', informationUri: 'https://github.com/recruit-check/recruit-check' });
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual([...rules.keys()]);
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex ?? -1]?.id).toBe(result.ruleId);
    expect(run.results.length).toBeGreaterThan(10);
  });

  it('reads the version from package.json when none is given', () => {
    const version = (JSON.parse(read('package.json')) as { version: string }).version;
    expect(runOf(parse(formatSarif([], { rules }))).tool.driver.version).toBe(version);
  });

  it('describes each rule with its name, help and the catalogue entry it links to', () => {
    const catalogue = read('rules/README.md');
    const descriptor = runOf(parse(formatSarif([], { rules }))).tool.driver.rules.find((rule) => rule.id === 'plain-language/recruitment-jargon');
    const meta = rules.get('plain-language/recruitment-jargon')!;
    expect(descriptor).toMatchObject({
      name: 'RecruitmentJargon',
      shortDescription: { text: meta.description },
      fullDescription: { text: meta.note },
      helpUri: 'https://github.com/recruit-check/recruit-check/blob/main/rules/README.md#plain-languagerecruitment-jargon',
      defaultConfiguration: { level: 'warning' },
      properties: { category: 'plain-language', pillar: 'inform', groups: meta.groups },
    });
    expect(descriptor?.help.text).toContain(meta.seed);
    expect(descriptor?.help.markdown).toContain(meta.fix);
    expect(descriptor?.help.markdown).toContain(meta.sources[0] ?? '');
    // Every anchor is a heading of the catalogue.
    for (const rule of runOf(parse(formatSarif([], { rules }))).tool.driver.rules) {
      expect(catalogue).toContain(`### ${rule.id}\n`);
      expect(rule.helpUri).toMatch(/#[a-z0-9-]+$/);
    }
    expect(ruleName('inclusive-language/uk-only-qualification')).toBe('UkOnlyQualification');
  });

  it('maps severities to levels: info is a note', () => {
    const findings: Finding[] = [
      { ...base, severity: 'error' },
      { ...base, severity: 'warning', location: { ...base.location!, line: 4, endLine: 4 } },
      { ...base, severity: 'info', location: { ...base.location!, line: 5, endLine: 5 } },
    ];
    const run = runOf(parse(formatSarif([fileOf(findings)], options)));
    expect(run.results.map((result) => result.level)).toEqual(['error', 'warning', 'note']);
    const level = (id: string) => run.tool.driver.rules.find((rule) => rule.id === id)?.defaultConfiguration.level;
    expect(level('plain-language/simpler-words')).toBe('note');
    expect(level('document-structure/image-missing-alt')).toBe('error');
  });

  it('gives Markdown findings their lines and columns, and the message its fixes', () => {
    const [result] = runOf(parse(formatSarif([fileOf([base])], options))).results;
    expect(result?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'adverts/advert.md', uriBaseId: '%SRCROOT%', index: 0 },
      region: { startLine: 3, startColumn: 46, endLine: 3, endColumn: 53 },
    });
    expect(result?.locations[0]?.logicalLocations).toEqual([{ name: 'Job summary', kind: 'section' }]);
    expect(result?.message.text).toBe('“utilise” is a formal word. Suggestion: “use”.');
    // Fixes the message gives already are not repeated, and a full sentence keeps its own stop.
    expect(findingText({ ...base, message: 'Use “use” instead of “utilise”.' })).toBe('Use “use” instead of “utilise”.');
    expect(findingText({ ...base, message: 'Formal words confuse people.' })).toBe('Formal words confuse people. Suggestion: “use”.');
    const idiom = '“Rockstar” is an idiom: use the job title, and say what the job needs';
    expect(findingText({ ...base, message: idiom, suggestions: ['Use the job title, and say what the job needs', 'job'] })).toBe(`${idiom} Suggestion: “job”.`);
    expect(findingText({ ...base, suggestions: ['Tell us.', 'use'] })).toBe('“utilise” is a formal word. Suggestions: “Tell us.” / “use”.');
    expect(findingText({ ...base, suggestions: ['use', 'Tell us.'] }, '\n')).toBe('“utilise” is a formal word.\nSuggestions: “use” / “Tell us.”');
  });

  it('puts Word, PDF and whole-document findings on line 1 and says where they are', () => {
    const word: Finding = { ...base, location: { line: null, column: null, endLine: null, endColumn: null, page: null, paragraph: 12, section: 'About the role' } };
    const pdf: Finding = { ...base, suggestions: [], location: { line: 5, column: null, endLine: 6, endColumn: null, page: 2, paragraph: null, section: null } };
    const whole: Finding = { ...base, actual: null, suggestions: ['a', 'b'], location: null };
    const run = runOf(parse(formatSarif([fileOf([word], { path: 'a.docx', format: 'docx' }), fileOf([pdf, whole], { path: 'b.pdf', format: 'pdf' })], options)));
    for (const result of run.results) expect(result.locations[0]?.physicalLocation.region).toEqual({ startLine: 1 });
    expect(run.results.map((result) => result.message.text)).toEqual([
      '“utilise” is a formal word. Suggestion: “use”. Where: paragraph 12 · “About the role”.',
      '“utilise” is a formal word. Where: page 2, lines 5–6.',
      '“utilise” is a formal word. Suggestions: “a” / “b”. Where: the whole document.',
    ]);
    expect(run.results.map((result) => result.locations[0]?.logicalLocations)).toEqual([
      [{ name: 'paragraph 12 · “About the role”', kind: 'paragraph' }],
      [{ name: 'page 2, lines 5–6', kind: 'page' }],
      [{ name: 'the whole document', kind: 'document' }],
    ]);
    expect(run.results[0]?.properties).toMatchObject({ paragraph: 12, section: 'About the role', where: 'paragraph 12 · “About the role”' });
    expect(run.results[1]?.properties).toMatchObject({ page: 2, pageLine: 5, pageEndLine: 6 });
    expect(run.results[1]?.locations[0]?.physicalLocation.artifactLocation).toEqual({ uri: 'b.pdf', uriBaseId: '%SRCROOT%', index: 1 });
    expect(placeText({ line: 7, column: null, endLine: 7, endColumn: null, page: 1, paragraph: null, section: null })).toBe('page 1, line 7');
  });

  it('reports suppressed findings with how and why they were suppressed', () => {
    const suppressed = [
      { finding: { ...base, location: { ...base.location!, line: 9, endLine: 9 } }, kind: 'inline' as const, reason: 'our readers know this word' },
      { finding: { ...base, actual: 'MDT' }, kind: 'allow-list' as const, reason: '.recruit-checkrc.yaml' },
      { finding: { ...base, actual: 'pro rata' }, kind: 'baseline' as const, reason: 'recruit-check-baseline.json' },
    ];
    const run = runOf(parse(formatSarif([fileOf([base], { suppressed })], options)));
    expect(run.results.map((result) => result.suppressions)).toEqual([
      undefined,
      [{ kind: 'inSource', status: 'accepted', justification: 'our readers know this word' }],
      [{ kind: 'external', status: 'accepted', justification: '.recruit-checkrc.yaml' }],
      [{ kind: 'external', status: 'accepted', justification: 'recruit-check-baseline.json' }],
    ]);
    expect(new Set(prints({ runs: [run] } as SarifLog)).size).toBe(4);
  });

  it('makes a file that could not be read a tool notification, and the run unsuccessful', () => {
    const failed = failedFile('bad/cut short.docx', 'docx', { code: 'corrupt-docx', message: 'bad/cut short.docx: the Word file is damaged' });
    const run = runOf(parse(formatSarif([fileOf([base]), failed], options)));
    expect(run.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: 'bad/cut short.docx: the Word file is damaged' },
            descriptor: { id: 'corrupt-docx' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'bad/cut%20short.docx', uriBaseId: '%SRCROOT%', index: 1 } } }],
          },
        ],
      },
    ]);
    expect(runOf(parse(formatSarif([fileOf([base])], options))).invocations[0]?.executionSuccessful).toBe(true);
  });

  it('writes paths as URIs: relative with forward slashes and percent-encoding, absolute as file URIs', () => {
    expect(artifactUri('./adverts/Care worker #2 (draft)%.md')).toBe('adverts/Care%20worker%20%232%20(draft)%25.md');
    expect(artifactUri('adverts/café.md')).toBe('adverts/caf%C3%A9.md');
    expect(artifactUri('/tmp/job ads/a.md')).toBe('file:///tmp/job%20ads/a.md');
    expect(artifactUri('../a.md')).toBe('../a.md');
    const log = parse(formatSarif([fileOf([base], { path: '/tmp/a.md' })], options));
    expect(runOf(log).artifacts[0]?.location).toEqual({ uri: 'file:///tmp/a.md' });
  });

  it('keeps control characters from documents inside valid JSON', () => {
    const text = formatSarif([fileOf([{ ...base, actual: 'ut\u001b[2Jilise\u0000\u202e', message: 'x\u0007"\n' }])], options);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(runOf(parse(text)).results[0]?.properties['actual']).toBe('ut\u001b[2Jilise\u0000\u202e');
  });

  it('gives each result a fingerprint that moving other lines leaves alone', () => {
    const file = 'fixtures/adverts/healthcare-assistant-jargon.md';
    const before = parse(formatSarif([resultFor(file)], options));
    const text = read(file);
    const moved = parse(formatSarif([resultFor(file, text.replace('\n\n', '\n\n\n\n'))], options));
    // The lines moved, the fingerprints did not.
    expect(runOf(moved).results.map((result) => result.locations[0]?.physicalLocation.region?.startLine)).not.toEqual(
      runOf(before).results.map((result) => result.locations[0]?.physicalLocation.region?.startLine),
    );
    expect(new Set(prints(moved))).toEqual(new Set(prints(before)));
    expect(new Set(prints(before)).size).toBe(prints(before).length);
  });

  it('is written a file at a time exactly as the whole report', () => {
    const sets: FileResult[][] = [
      [],
      [resultFor('fixtures/adverts/healthcare-assistant-jargon.md'), failedFile('missing.md', 'markdown', { code: 'not-found', message: 'missing.md: file not found' }), resultFor('fixtures/adverts/bare.md')],
    ];
    for (const results of sets) {
      let written = '';
      const stream = reportStream('sarif', options, (text) => (written += text));
      for (const result of results) stream.file(result);
      stream.end();
      expect(written).toBe(formatReport('sarif', results, options));
    }
  });
});

describe('SARIF from the command', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'recruit-check-sarif-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const files = [
    'fixtures/adverts/healthcare-assistant-jargon.md',
    'fixtures/adverts/exclusionary.md',
    'fixtures/word/poor-structure.docx',
    'fixtures/word/poor-formatting.docx',
    'fixtures/pdf/poor-structure.pdf',
    'fixtures/adverts/exclusionary.pdf',
    'fixtures/bad/truncated.docx',
  ];
  const sarif = (): string => {
    const run = runCli(['--format', 'sarif', ...files], { timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(2); // a file could not be read
    return run.stdout;
  };
  let first = '';
  let log: SarifLog;
  beforeAll(() => {
    first = sarif();
    log = parse(first);
  });

  it('gives every result a line, and every finding of every file a result', () => {
    const run = runOf(log);
    expect(run.artifacts.map((artifact) => artifact.location.uri)).toEqual(files);
    for (const result of run.results) expect(result.locations[0]?.physicalLocation.region?.startLine).toBeGreaterThanOrEqual(1);
    const uris = new Set(run.results.map((result) => result.locations[0]?.physicalLocation.artifactLocation.uri));
    expect([...uris]).toEqual(files.slice(0, -1));
    expect(run.invocations[0]?.executionSuccessful).toBe(false);
    expect(run.invocations[0]?.toolExecutionNotifications.map((note) => note.locations[0]?.physicalLocation.artifactLocation.uri)).toEqual(['fixtures/bad/truncated.docx']);
  });

  it('gives the same fingerprints on every run, and a different one to every result', () => {
    expect(prints(parse(sarif()))).toEqual(prints(log));
    expect(new Set(prints(log)).size).toBe(runOf(log).results.length);
  });

  /** A log made by hand: suppressed findings, and Word, PDF and whole-document findings. */
  const byHand = (): string => {
    const word: Finding = { ...base, location: { line: null, column: null, endLine: null, endColumn: null, page: null, paragraph: 12, section: 'About the role' } };
    const pdf: Finding = { ...base, location: { line: 5, column: null, endLine: 6, endColumn: null, page: 2, paragraph: null, section: null } };
    const suppressed = [
      { finding: base, kind: 'inline' as const, reason: 'our readers know this word' },
      { finding: { ...base, actual: 'MDT' }, kind: 'allow-list' as const, reason: '.recruit-checkrc.yaml' },
      { finding: { ...base, actual: 'pro rata' }, kind: 'baseline' as const, reason: 'recruit-check-baseline.json' },
    ];
    const results = [fileOf([base], { suppressed }), fileOf([word], { path: 'a b.docx', format: 'docx' }), fileOf([pdf, { ...base, location: null }], { path: 'b.pdf', format: 'pdf' })];
    return formatSarif(results, options);
  };

  /** The command's log broken on purpose: a result without a region, a URI with a space, a rule without help. */
  const broken = (): string => {
    const log = parse(first);
    const [noRegion, badUri] = runOf(log).results;
    delete noRegion?.locations[0]?.physicalLocation.region;
    if (badUri?.locations[0]) badUri.locations[0].physicalLocation.artifactLocation.uri = 'a b.md';
    const rule: Partial<SarifRule> | undefined = runOf(log).tool.driver.rules[0];
    delete rule?.help;
    return JSON.stringify(log);
  };

  /**
   * The multitool's findings about each log, by level: one run of the tool for all of them (it
   * takes seconds to start), its results told apart by the file they are about. Its npm bin
   * runs the native tool through a shell, which would split "Sarif;Gh", so the tool is run
   * itself. The network check of the URIs (SARIF2006) is switched off: it needs the internet and
   * takes a second a URI without it.
   */
  let validated: Map<string, Record<string, string[]>> | null = null;
  const validation = (name: 'report' | 'by-hand' | 'broken'): Record<string, string[]> => {
    if (!validated) {
      const logs = { report: first, 'by-hand': byHand(), broken: broken() };
      const inputs = Object.entries(logs).map(([logName, text]) => {
        const input = path.join(folder, `${logName}.sarif`);
        writeFileSync(input, text);
        return input;
      });
      const output = path.join(folder, 'validation.sarif');
      const config = path.join(folder, 'validation-config.json');
      writeFileSync(config, JSON.stringify({ 'SARIF2006.UrisShouldBeReachable.Options': { RuleEnabled: 'Disabled' } }));
      const multitool = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
      const args = ['validate', ...inputs, '--output', output, '--log', 'ForceOverwrite', '--rule-kind', 'Sarif;Gh', '--level', 'Error;Warning;Note', '--config', config];
      // Invariant globalisation: no ICU library needed.
      const run = spawnSync(multitool, args, { encoding: 'utf8', timeout: 100_000, env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' } });
      expect(run.error).toBeUndefined();
      expect(run.status, run.stdout + run.stderr).toBe(0);
      const report = JSON.parse(readFileSync(output, 'utf8')) as {
        runs: { results: { ruleId: string; level?: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[]; invocations: { executionSuccessful: boolean }[] }[];
      };
      const [result] = report.runs;
      expect(result?.invocations[0]?.executionSuccessful).toBe(true);
      validated = new Map(Object.keys(logs).map((logName) => [logName, { error: [], warning: [], note: [] }]));
      for (const { ruleId, level, locations } of result?.results ?? []) {
        const about = path.basename(fileURLToPath(locations[0]?.physicalLocation.artifactLocation.uri ?? ''), '.sarif');
        const levels = validated.get(about);
        expect(levels, `a result about ${about}`).toBeDefined();
        // A result with no level is a warning.
        if (levels) (levels[level ?? 'warning'] ??= []).push(ruleId);
      }
    }
    return validated.get(name) as Record<string, string[]>;
  };

  it('passes the SARIF multitool’s validation, with the GitHub code scanning rules', { timeout: 120_000 }, () => {
    const levels = validation('report');
    // Errors make a log invalid, or one code scanning rejects. Warnings and notes are advice
    // (5.7.0 gives no warnings, and notes on message ids, snippets and rule ids with a slash),
    // except SARIF2017, a result without a region, which code scanning rejects too.
    expect(levels['error']).toEqual([]);
    expect(levels['warning']).not.toContain('SARIF2017');
  });

  it('passes the validation with suppressed findings, Word, PDF and whole-document findings', { timeout: 120_000 }, () => {
    expect(validation('by-hand')['error']).toEqual([]);
  });

  it('is checked by a validation that does find errors', { timeout: 120_000 }, () => {
    const levels = validation('broken');
    expect(levels['error']).toEqual(expect.arrayContaining(['SARIF1002', 'GH2012']));
    expect(levels['warning']).toContain('SARIF2017');
  });
});
