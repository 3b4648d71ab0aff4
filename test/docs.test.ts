import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatRulesTable, replaceBetweenMarkers } from '../src/docs/rules-table.js';
import { allRules } from '../src/engine/registry.js';

describe('README', () => {
  it('has an up-to-date rules table (run `npm run docs` if this fails)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toBe(replaceBetweenMarkers(readme, 'rules', formatRulesTable(allRules())));
  });

  it('lists every rule', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const rule of allRules()) expect(readme).toContain(`\`${rule.meta.id}\``);
  });
});
