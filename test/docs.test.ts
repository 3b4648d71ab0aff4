import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderReadme } from '../src/docs/readme.js';
import { allRules } from '../src/engine/registry.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('has an up-to-date rules table and sample report (run `npm run docs` if this fails)', async () => {
    expect(readme).toBe(await renderReadme(readme));
  });

  it('lists every rule', () => {
    for (const rule of allRules()) expect(readme).toContain(`\`${rule.meta.id}\``);
  });
});
