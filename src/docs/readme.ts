/**
 * The generated parts of the README: the rules table, and a sample report produced by running
 * the real checker on a bundled advert. `npm run docs` rewrites them; a test fails when stale.
 */
import { fileURLToPath } from 'node:url';
import { checkDocument, checkedFile } from '../engine/checker.js';
import { allRules, createChecker } from '../ruleset.js';
import { loadFile } from '../load/read.js';
import { formatStylish } from '../report/stylish.js';
import type { FileResult } from '../types.js';
import { formatRulesTable, replaceBetweenMarkers } from './rules-table.js';

/** The advert the README's sample report is made from. */
export const SAMPLE_ADVERT = 'fixtures/adverts/healthcare-assistant-jargon.md';

/** How many findings of the sample report the README shows. */
const SAMPLE_FINDINGS = 4;

/** The start of the terminal report for the sample advert, and its last lines. */
export async function sampleReport(): Promise<string> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const checker = createChecker();
  const loaded = await loadFile(`${root}${SAMPLE_ADVERT}`, SAMPLE_ADVERT);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const result: FileResult = checkedFile(SAMPLE_ADVERT, loaded.format, checkDocument(loaded.doc, checker));
  const { findings } = result;
  const report = formatStylish([result], {
    colorLevel: 0,
    rules: new Map(checker.rules.map((rule) => [rule.meta.id, rule.meta])),
    readingAge: checker.options.readingAge,
  });
  const lines = report.trimEnd().split('\n');
  const starts = lines.flatMap((line, index) => (/^ {2}\S/.test(line) ? [index] : []));
  const cut = starts[SAMPLE_FINDINGS] ?? lines.length;
  // The scorecard and the summary close the report.
  const scorecard = lines.findIndex((line) => /I\.D\.E\.A\.S\. scorecard/.test(line));
  const shown = [...lines.slice(0, cut), `  … ${findings.length - SAMPLE_FINDINGS} more findings …`, ...lines.slice(scorecard >= 0 ? scorecard : -3)];
  return ['```', `$ npx recruit-check ${SAMPLE_ADVERT}`, ...shown, '```'].join('\n');
}

/** The README with its generated parts brought up to date. */
export async function renderReadme(readme: string): Promise<string> {
  const withRules = replaceBetweenMarkers(readme, 'rules', formatRulesTable(allRules()));
  return replaceBetweenMarkers(withRules, 'sample', await sampleReport());
}
