import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatCatalogue } from '../src/docs/catalogue.js';
import { renderReadme } from '../src/docs/readme.js';
import { allRules } from '../src/ruleset.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('has an up-to-date rules table and sample report (run `npm run docs` if this fails)', async () => {
    expect(readme).toBe(await renderReadme(readme));
  });

  it('lists every rule', () => {
    for (const rule of allRules()) expect(readme).toContain(`\`${rule.meta.id}\``);
  });
});

describe('rules catalogue (rules/README.md)', () => {
  const catalogue = readFileSync(new URL('../rules/README.md', import.meta.url), 'utf8');

  it('is up to date with the rule data (run `npm run docs` if this fails)', () => {
    expect(catalogue).toBe(formatCatalogue(allRules().map((rule) => rule.meta)));
  });

  it('has an entry for every rule', () => {
    for (const rule of allRules()) expect(catalogue).toContain(`### ${rule.meta.id}\n`);
  });
});
