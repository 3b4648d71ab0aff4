#!/usr/bin/env node
// Regenerate the generated docs: README.md's rules table and sample report, and the rules
// catalogue rules/README.md. Run `npm run build` first (`npm run docs` does).
import { readFileSync, writeFileSync } from 'node:fs';
import { formatCatalogue } from '../dist/docs/catalogue.js';
import { renderReadme } from '../dist/docs/readme.js';
import { allRules } from '../dist/ruleset.js';

async function update(name, render) {
  const file = new URL(`../${name}`, import.meta.url);
  let before = '';
  try {
    before = readFileSync(file, 'utf8');
  } catch {
    // A new file.
  }
  const after = await render(before);
  if (after !== before) writeFileSync(file, after);
  console.log(after === before ? `${name} is up to date` : `${name} updated`);
}

await update('README.md', renderReadme);
await update('rules/README.md', () => formatCatalogue(allRules().map((rule) => rule.meta)));
