#!/usr/bin/env node
// Regenerate the rules table in README.md from the rule data (run `npm run build` first).
import { readFileSync, writeFileSync } from 'node:fs';
import { formatRulesTable, replaceBetweenMarkers } from '../dist/docs/rules-table.js';
import { allRules } from '../dist/engine/registry.js';

const file = new URL('../README.md', import.meta.url);
const before = readFileSync(file, 'utf8');
const after = replaceBetweenMarkers(before, 'rules', formatRulesTable(allRules()));
if (after !== before) writeFileSync(file, after);
console.log(after === before ? 'README.md rules table is up to date' : 'README.md rules table updated');
