/**
 * The generated parts of the README: the rules table, and a sample report produced by running
 * the real checker on a bundled advert. `npm run docs` rewrites them; a test fails when stale.
 */
import { fileURLToPath } from 'node:url';
import { checkDocument, checkedFile } from '../engine/checker.js';
import { allRules, createChecker } from '../ruleset.js';
import { loadFile } from '../load/read.js';
import { formatStylish } from '../report/stylish.js';
import { PROFILES, SETTINGS } from '../engine/settings.js';
import type { FileResult } from '../types.js';
import { formatRulesTable, replaceBetweenMarkers } from './rules-table.js';

/** The advert the README's sample report is made from. */
export const SAMPLE_ADVERT = 'fixtures/adverts/healthcare-assistant-jargon.md';

/** How many warnings of the sample report the README shows. */
const SAMPLE_WARNINGS = 5;

/** The start of the terminal report for the sample advert, and its last lines. */
export async function sampleReport(): Promise<string> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const checker = createChecker();
  const loaded = await loadFile(`${root}${SAMPLE_ADVERT}`, SAMPLE_ADVERT);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const result: FileResult = checkedFile(SAMPLE_ADVERT, loaded.format, checkDocument(loaded.doc, checker));
  const report = formatStylish([result], {
    colorLevel: 0,
    rules: new Map(checker.rules.map((rule) => [rule.meta.id, rule.meta])),
    readingAge: checker.options.readingAge,
  });
  const lines = report.trimEnd().split('\n');
  // The summary, what to fix first, the errors and the first warnings; then the scorecard and
  // the totals that close the report.
  const warnings = lines.findIndex((line) => /^ {2}Warnings \(/.test(line));
  const cut = warnings >= 0 ? warnings + 1 + SAMPLE_WARNINGS : lines.length;
  const scorecard = lines.findIndex((line) => /I\.D\.E\.A\.S\. scorecard/.test(line));
  const hidden = lines.slice(cut, scorecard >= 0 ? scorecard : lines.length).filter((line) => /^ {4}(?:document|\d+:\d+) /.test(line)).length;
  const shown = [...lines.slice(0, cut), `    … ${hidden} more findings, then why each kind matters …`, '', ...lines.slice(scorecard >= 0 ? scorecard : -3)];
  return ['```', `$ npx recruit-check ${SAMPLE_ADVERT}`, ...shown, '```'].join('\n');
}

/** The table of thresholds: name, range, default in each profile, and what it does. */
export function formatSettingsTable(): string {
  const rows = SETTINGS.map(
    (setting) =>
      `| \`${setting.name}\` | ${setting.integer ? 'whole number ' : ''}${setting.min} to ${setting.max} | ${PROFILES.map((profile) => setting.defaults[profile]).join(' | ')} | ${setting.description} |`,
  );
  return ['| Setting | Range | standard | nhs | easy-read | What it does |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

/** The README with its generated parts brought up to date. */
export async function renderReadme(readme: string): Promise<string> {
  const withRules = replaceBetweenMarkers(readme, 'rules', formatRulesTable(allRules()));
  const withSettings = replaceBetweenMarkers(withRules, 'settings', formatSettingsTable());
  return replaceBetweenMarkers(withSettings, 'sample', await sampleReport());
}
