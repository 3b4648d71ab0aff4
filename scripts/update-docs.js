#!/usr/bin/env node
// Regenerate the generated parts of README.md (rules table, sample report); run `npm run build` first.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderReadme } from '../dist/docs/readme.js';

const file = new URL('../README.md', import.meta.url);
const before = readFileSync(file, 'utf8');
const after = await renderReadme(before);
if (after !== before) writeFileSync(file, after);
console.log(after === before ? 'README.md is up to date' : 'README.md updated');
