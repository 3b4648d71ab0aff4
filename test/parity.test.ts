/** Every rule is documented, tested, and its own examples behave as labelled. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRules } from '../src/ruleset.js';
import { check, checkFile } from './helpers.js';

const testsFolder = new URL('./rules/', import.meta.url);
const tests = readdirSync(testsFolder)
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => readFileSync(new URL(name, testsFolder), 'utf8'))
  .join('\n');

describe.each(allRules().map((rule) => [rule.meta.id, rule] as const))('%s', (id, rule) => {
  it('has a valid/invalid test table', () => {
    expect(tests.includes(`ruleTable('${id}'`) || tests.includes(`fileTable('${id}'`)).toBe(true);
  });

  it('has complete metadata', () => {
    const { meta } = rule;
    for (const field of ['description', 'note', 'seed', 'fix'] as const) expect(meta[field].trim().length, field).toBeGreaterThan(10);
    expect(meta.groups.length).toBeGreaterThan(0);
    expect(meta.seed).toMatch(/^(Inform|Develop|Encourage|Awareness|Support) — /);
    expect(meta.sources.length).toBeGreaterThan(0);
  });

  it('flags its “flagged” examples and passes its “passes” examples', () => {
    // Examples are Markdown, or HTML when they start with a tag.
    const format = (example: string): 'html' | 'markdown' => (example.trimStart().startsWith('<') ? 'html' : 'markdown');
    for (const example of rule.meta.examples.flagged) {
      expect(check(example, { rules: [id], format: format(example) }).length, example).toBeGreaterThan(0);
    }
    for (const example of rule.meta.examples.passes) {
      expect(check(example, { rules: [id], format: format(example) }), example).toEqual([]);
    }
  });

  it('has an example of what it flags and of what it leaves alone, for `explain`', () => {
    const { examples, fileExamples } = rule.meta;
    expect(examples.flagged.length + (fileExamples?.flagged.length ?? 0)).toBeGreaterThan(0);
    expect(examples.passes.length + (fileExamples?.passes.length ?? 0)).toBeGreaterThan(0);
  });

  it('flags its flagged example files and passes its passing ones', async () => {
    for (const example of rule.meta.fileExamples?.flagged ?? []) {
      expect((await checkFile(example.file, { rules: [id] })).length, example.file).toBeGreaterThan(0);
    }
    for (const example of rule.meta.fileExamples?.passes ?? []) {
      expect(await checkFile(example.file, { rules: [id] }), example.file).toEqual([]);
    }
  });
});
