#!/usr/bin/env node
// `npm run eval`: check every document of the evaluation set (eval/labels.yml) with the built
// library and print, per rule and in total, recall, false “missing” claims, innocent phrases
// flagged, document-type mismatches and findings per 1,000 words and per document; then every
// miss and every false finding. `--json <file>` also writes the figures as JSON.
// Run `npm run build` first when the source has changed.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatEvaluation, runEvaluation } from './eval-lib.js';

const args = process.argv.slice(2);
let json = null;
let labelsFile;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--json') json = args[++i];
  else if (args[i] === '--labels') labelsFile = args[++i] && path.resolve(args[i]);
  else if (args[i] === '-h' || args[i] === '--help') {
    console.log('Usage: node scripts/eval.js [--json <file>] [--labels <labels.yml>]');
    process.exit(0);
  } else {
    console.error(`eval: unknown argument “${args[i]}” (use --json <file> or --labels <file>)`);
    process.exit(2);
  }
}
if (args.includes('--json') && !json) {
  console.error('eval: --json needs a file name');
  process.exit(2);
}

const evaluation = await runEvaluation(labelsFile ? { labelsFile } : {});
process.stdout.write(formatEvaluation(evaluation));
if (json) {
  writeFileSync(json, JSON.stringify(evaluation, null, 2) + '\n');
  console.log(`\nwrote ${json}`);
}
process.exitCode = evaluation.labelProblems.length > 0 || evaluation.loadFailures.length > 0 ? 1 : 0;
