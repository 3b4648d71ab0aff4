#!/usr/bin/env node
/**
 * `npm run bench`: how fast recruit-check is, as whole processes (`node bin/recruit-check.js
 * <folder or file>`), next to floors and alex, and how much memory each process takes.
 *
 *   npm run bench -- [--markdown N] [--html N] [--word N] [--pdf N] [--runs R]
 *                    [--scale a,b,c] [--json file] [--keep]
 *
 * It builds a corpus in a temporary folder (see scripts/bench-corpus.js; defaults 1,000 Markdown,
 * 1,000 HTML job-board pages, 200 Word and 200 PDF adverts, all seeded, so every run checks the
 * same documents) and measures, for every process: wall time, CPU time (user + system, the whole
 * process, worker threads included) and peak memory (maximum resident set size), written by a
 * preload at exit. Single documents are the median of R runs (default 5), folders the median of
 * min(R, 3), the scale rows one run each. It reports:
 *
 * - Start-up: `--version` against `node -e 0` (target ≤ 1.5×); one Markdown advert against
 *   alex, one HTML page against `alex --html` (≤ 0.5× alex's wall time); one Word and one PDF
 *   advert.
 * - Per format, the folder against its floor, a script doing the least any checker must do:
 *   Markdown remark-parse, HTML rehype-parse, Word mammoth (each then parse-english on the text
 *   of every block) and PDF pdf-parse alone. Per-document CPU time is (folder CPU − CPU on one
 *   document) / (N − 1), for ours and the floor alike, so start-up counts in neither; target
 *   ≤ 3× the floor (≤ 1.5× for PDF). Markdown and HTML folders also against alex on the same
 *   folder (wall time ≤ 0.25× alex's).
 * - Scale: HTML corpora of each --scale size (default 1,000, 5,000 and 15,000 pages, the
 *   smaller ones the first pages of the largest), with wall time per page from the smallest to
 *   the largest (≤ 1.1×) and peak memory (under 300 MB at the largest, and ≤ 1.1× the smallest).
 * - Audit scale: `recruit-check audit` of the same corpora, one run each, with its peak memory
 *   (under 300 MB at the largest, and ≤ 1.1× the smallest: it keeps tallies, not documents).
 * - Peak memory of every recruit-check process (under 300 MB), and how many targets were met.
 *
 * A size of 0 skips that format (and `--scale 0` the scale rows). alex is skipped, with a note,
 * when node_modules/alex is missing. --json writes every figure; --keep leaves the corpus in
 * place (for profiling) and prints where it is. The floor scripts are written to
 * node_modules/.cache/recruit-check-bench/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { advertName, buildCorpus, pageWords, wordCount } from './bench-corpus.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'bin/recruit-check.js');
const alex = path.join(root, 'node_modules/alex/cli.js');
const hasAlex = existsSync(alex);

/**
 * The formats, in report order: the extension of their files, how to count an advert's words
 * (for the text formats), the floor they are held to and the target against it, and the flags
 * alex needs for them (null: alex does not read them).
 */
const FORMATS = {
  markdown: { label: 'Markdown', extension: 'md', words: wordCount, floor: 'remark-parse + parse-english', limit: 3, alex: [] },
  html: { label: 'HTML', extension: 'html', words: pageWords, floor: 'rehype-parse + parse-english', limit: 3, alex: ['--html'] },
  word: { label: 'Word', extension: 'docx', words: null, floor: 'mammoth + parse-english', limit: 3, alex: null },
  pdf: { label: 'PDF', extension: 'pdf', words: null, floor: 'pdf-parse', limit: 1.5, alex: null },
};

// ---------------------------------------------------------------- options

const { values } = parseArgs({
  options: {
    markdown: { type: 'string', default: '1000' },
    html: { type: 'string', default: '1000' },
    word: { type: 'string', default: '200' },
    pdf: { type: 'string', default: '200' },
    runs: { type: 'string', default: '5' },
    scale: { type: 'string', default: '1000,5000,15000' },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

/** A whole number from the command line, or a usage error: a typo must not become NaN documents. */
function wholeNumber(option, text, least) {
  const number = Number(text);
  if (!Number.isInteger(number) || number < least) {
    console.error(`bench: ${option} must be a whole number of at least ${least}, not “${text}”`);
    process.exit(2);
  }
  return number;
}

const counts = Object.fromEntries(Object.keys(FORMATS).map((format) => [format, wholeNumber(`--${format}`, values[format], 0)]));
const runs = wholeNumber('--runs', values.runs, 1);
const corpusRuns = Math.min(runs, 3);
const scaleSizes = [...new Set(values.scale.split(',').filter((size) => size.trim() !== '').map((size) => wholeNumber('--scale', size.trim(), 0)))]
  .filter((size) => size > 0)
  .sort((a, b) => a - b);
const formats = Object.keys(FORMATS).filter((format) => counts[format] > 0);
if (!existsSync(path.join(root, 'dist/bundle/cli.js'))) {
  console.error('bench: build first (npm install, or npm run build)');
  process.exit(2);
}

// ---------------------------------------------------------------- timing

const work = mkdtempSync(path.join(tmpdir(), 'recruit-check-bench-'));
const usagePreload = path.join(work, 'usage.mjs');
const usageFile = path.join(work, 'usage.json');
// Each timed process writes its peak memory and CPU time when it exits. Only the main thread
// writes: resourceUsage() is the whole process's, worker threads included.
writeFileSync(
  usagePreload,
  `import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
if (isMainThread && process.env.BENCH_USAGE) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(process.env.BENCH_USAGE, JSON.stringify({ rssKb: usage.maxRSS, cpuUs: usage.userCPUTime + usage.systemCPUTime }));
  });
}
`,
);

const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)];

/**
 * Run node with `args` `count` times: the median wall time and CPU time (ms) and the largest
 * peak memory (MB). Exit codes 0 and 1 (findings) are normal; anything else stops the benchmark,
 * since a figure for a run that failed would mean nothing.
 */
function measure(args, count) {
  const walls = [];
  const cpus = [];
  let rssMb = 0;
  for (let run = 0; run < count; run++) {
    rmSync(usageFile, { force: true });
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--import', `file://${usagePreload}`, ...args], {
      cwd: root,
      env: { ...process.env, BENCH_USAGE: usageFile, NO_UPDATE_NOTIFIER: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 1024 * 1024 * 1024,
    });
    walls.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.status !== 0 && result.status !== 1) {
      throw new Error(`${args.join(' ')} exited with ${result.status ?? result.signal ?? result.error}: ${String(result.stderr).slice(0, 500)}`);
    }
    if (!existsSync(usageFile)) throw new Error(`${args.join(' ')} wrote no resource usage`);
    const usage = JSON.parse(readFileSync(usageFile, 'utf8'));
    cpus.push(usage.cpuUs / 1000);
    rssMb = Math.max(rssMb, usage.rssKb / 1024);
  }
  return { wallMs: median(walls), cpuMs: median(cpus), rssMb };
}

/** The start of every floor script: the files named on its command line, a folder meaning every file in it in name order. */
const FLOOR_FILES = `import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
const target = process.argv[2];
const files = statSync(target).isDirectory() ? readdirSync(target).sort().map((name) => path.join(target, name)) : [target];
`;

/**
 * The floors: the least a checker of each format must do — parse the format, then (except for
 * PDF, where pdf-parse is the target) parse the English of every block with parse-english, as
 * recruit-check does block by block.
 */
const FLOOR_SOURCES = {
  markdown: `import { readFileSync } from 'node:fs';
import { toString } from 'mdast-util-to-string';
import { ParseEnglish } from 'parse-english';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
const markdown = unified().use(remarkParse);
const english = new ParseEnglish();
function parseBlocks(node) {
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') english.parse(toString(node));
  else if (node.children) for (const child of node.children) parseBlocks(child);
}
for (const file of files) parseBlocks(markdown.parse(readFileSync(file, 'utf8')));
`,
  html: `import { readFileSync } from 'node:fs';
import { toString } from 'hast-util-to-string';
import { ParseEnglish } from 'parse-english';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
const html = unified().use(rehypeParse);
const english = new ParseEnglish();
const BLOCKS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'li', 'dt', 'dd', 'th', 'td', 'caption']);
function parseBlocks(node) {
  if (node.type === 'element' && BLOCKS.has(node.tagName)) english.parse(toString(node));
  else if (node.children) for (const child of node.children) parseBlocks(child);
}
for (const file of files) parseBlocks(html.parse(readFileSync(file, 'utf8')));
`,
  word: `import mammoth from 'mammoth';
import { ParseEnglish } from 'parse-english';
const english = new ParseEnglish();
for (const file of files) {
  const { value } = await mammoth.extractRawText({ path: file });
  for (const paragraph of value.split(/\\n{2,}/)) if (paragraph.trim() !== '') english.parse(paragraph);
}
`,
  pdf: `import { readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';
for (const file of files) {
  const parser = new PDFParse({ data: readFileSync(file) });
  await parser.getText();
  await parser.destroy();
}
`,
};

/** Write the floor script of `format` where node finds the project's node_modules, and return its path. */
function floorScript(format) {
  const file = path.join(root, 'node_modules', '.cache', 'recruit-check-bench', `floor-${format}.mjs`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, FLOOR_FILES + FLOOR_SOURCES[format]);
  return file;
}

// ---------------------------------------------------------------- the report

const LABEL = 56;
const fmtMs = (ms) => (ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const fmtFine = (ms) => `${ms.toFixed(1)} ms`;
const fmtMb = (mb) => `${mb.toFixed(0)} MB`;
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const figures = { measurements: {}, perDocumentCpuMs: {}, scale: [], auditScale: [], targets: [] };

/** A section's heading, over the columns every measured row prints. */
function section(title) {
  console.log('');
  console.log(`${title.padEnd(LABEL + 2)} ${'wall'.padStart(8)} ${'CPU'.padStart(8)} ${'peak RSS'.padStart(8)}`);
}

/** Print one process's figures under `label`, with `extra` (a rate) after them. */
function printRow(label, measured, extra = '') {
  console.log(`  ${label.padEnd(LABEL)} ${fmtMs(measured.wallMs).padStart(8)} ${fmtMs(measured.cpuMs).padStart(8)} ${fmtMb(measured.rssMb).padStart(8)}${extra}`);
}

/** Measure node `args` (`count` runs), print the row and keep it for --json under `key`. */
function timed(key, label, args, count, extra = () => '') {
  const measured = measure(args, count);
  figures.measurements[key] = { label, command: ['node', ...args].join(' '), runs: count, ...measured };
  printRow(label, measured, extra(measured));
  return measured;
}

/** Keep a target for --json and the summary, and print it with ✔ or ✘. */
function target(what, text, met, numbers) {
  figures.targets.push({ what, met, ...numbers });
  console.log(`  ${met ? '✔' : '✘'} ${what}: ${text}`);
}

/** A target met when `ours` is at most `limit` times `theirs` (a ratio that cannot be computed is not met). */
function ratioTarget(what, ours, theirs, limit, show = fmtMs) {
  const ratio = ours >= 0 && theirs > 0 ? ours / theirs : Number.NaN;
  const shown = Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : 'no ratio';
  target(what, `${show(ours)} against ${show(theirs)}, ${shown} (target ≤ ${limit}×)`, ratio <= limit, { ours, theirs, ratio, target: `≤ ${limit}×` });
}

/** A target met when `value` is under `limit` (peak memory). */
function limitTarget(what, value, limit, show) {
  target(what, `${show(value)} (target < ${show(limit)})`, value < limit, { value, target: `< ${show(limit)}` });
}

/** Documents a second through a whole folder, start-up included, for the folder rows. */
const rate = (n) => (measured) => `  ${(n / (measured.wallMs / 1000)).toFixed(1)} a second`;

/** CPU time per document with start-up taken out: the folder's CPU less one document's, over the other N − 1 documents. */
const perDocument = (folder, one, n) => (folder.cpuMs - one.cpuMs) / (n - 1);

/** Start-up, and one document of each format (against alex for the formats alex reads). */
function singleDocuments(oneFile) {
  section(`Start-up and single documents (median of ${plural(runs, 'run')})`);
  const node = timed('nodeEmpty', 'node -e 0', ['-e', '0'], runs);
  const coldStart = timed('coldStart', 'recruit-check --version', [bin, '--version'], runs);
  ratioTarget('cold start against node -e 0', coldStart.wallMs, node.wallMs, 1.5);
  const single = {};
  for (const format of formats) {
    const { label, words: countWords, alex: alexFlags } = FORMATS[format];
    const file = oneFile[format];
    const words = countWords ? ` (${countWords(readFileSync(file, 'utf8'))} words)` : '';
    single[format] = timed(`${format}.one`, `recruit-check, one ${label} advert${words}`, [bin, file], runs);
    if (alexFlags && hasAlex) {
      const theirs = timed(`${format}.alexOne`, `${['alex', ...alexFlags].join(' ')} on the same file`, [alex, ...alexFlags, file], runs);
      ratioTarget(`one ${label} advert against alex (wall)`, single[format].wallMs, theirs.wallMs, 0.5);
    }
  }
  return single;
}

/** One format's folder: ours against the floor (CPU per document) and against alex (wall), each on the same files. */
function corpus(format, folder, file, oursOne) {
  const { label, floor, limit, alex: alexFlags } = FORMATS[format];
  const n = counts[format];
  const script = floorScript(format);
  section(`${label}, ${plural(n, 'advert')} (folders: median of ${plural(corpusRuns, 'run')})`);
  const ours = timed(`${format}.folder`, 'recruit-check, folder', [bin, folder], corpusRuns, rate(n));
  printRow('recruit-check, one advert (above)', oursOne);
  const floorAll = timed(`${format}.floor`, `${floor}, folder`, [script, folder], corpusRuns, rate(n));
  const floorOne = timed(`${format}.floorOne`, `${floor}, one advert`, [script, file], runs);
  if (n >= 2) {
    const perDoc = { ours: perDocument(ours, oursOne, n), floor: perDocument(floorAll, floorOne, n) };
    figures.perDocumentCpuMs[format] = { ...perDoc, ratio: perDoc.ours / perDoc.floor, target: `≤ ${limit}×` };
    ratioTarget(`${label} CPU per document against ${floor}`, perDoc.ours, perDoc.floor, limit, fmtFine);
  } else console.log('  (CPU per document needs at least 2 adverts)');
  if (alexFlags && hasAlex) {
    const theirs = timed(`${format}.alex`, `${['alex', ...alexFlags].join(' ')} on the same folder`, [alex, ...alexFlags, folder], corpusRuns, rate(n));
    ratioTarget(`${label} folder against alex (wall)`, ours.wallMs, theirs.wallMs, 0.25);
  }
  return ours;
}

/** The HTML corpora of every --scale size, one run each: time per page and memory as the folder grows. */
function scale(scaleFolders) {
  section('Scale: HTML job-board pages (one run each)');
  for (const size of scaleSizes) {
    const measured = timed(`scale.${size}`, `recruit-check, ${size} pages`, [bin, scaleFolders[size]], 1, (m) => `  ${fmtFine(m.wallMs / size)} a page`);
    figures.scale.push({ documents: size, wallMs: measured.wallMs, wallMsPerDocument: measured.wallMs / size, cpuMs: measured.cpuMs, rssMb: measured.rssMb });
  }
  const [smallest, largest] = [figures.scale[0], figures.scale.at(-1)];
  limitTarget(`peak memory at ${largest.documents} pages`, largest.rssMb, 300, fmtMb);
  if (figures.scale.length < 2) {
    console.log('  (growth needs at least two sizes)');
    return;
  }
  ratioTarget(`wall per page, ${largest.documents} against ${smallest.documents} pages`, largest.wallMsPerDocument, smallest.wallMsPerDocument, 1.1, fmtFine);
  ratioTarget(`peak memory, ${largest.documents} against ${smallest.documents} pages (flat)`, largest.rssMb, smallest.rssMb, 1.1, fmtMb);
}

/** `recruit-check audit` over the same HTML corpora, one run each: its memory must stay flat as the corpus grows. */
function auditScale(scaleFolders) {
  section('Scale: recruit-check audit of the HTML job-board pages (one run each)');
  for (const size of scaleSizes) {
    const out = path.join(work, `audit-${size}.json`);
    const measured = timed(`auditScale.${size}`, `recruit-check audit, ${size} pages`, [bin, 'audit', scaleFolders[size], '--format', 'json', '-o', out], 1, (m) => `  ${fmtFine(m.wallMs / size)} a page`);
    figures.auditScale.push({ documents: size, wallMs: measured.wallMs, wallMsPerDocument: measured.wallMs / size, cpuMs: measured.cpuMs, rssMb: measured.rssMb });
    rmSync(out, { force: true });
  }
  const [smallest, largest] = [figures.auditScale[0], figures.auditScale.at(-1)];
  limitTarget(`audit peak memory at ${largest.documents} pages`, largest.rssMb, 300, fmtMb);
  if (figures.auditScale.length >= 2) ratioTarget(`audit peak memory, ${largest.documents} against ${smallest.documents} pages (flat)`, largest.rssMb, smallest.rssMb, 1.1, fmtMb);
}

// ---------------------------------------------------------------- the run

const described = formats.map((format) => `${counts[format]} ${FORMATS[format].label}`).join(', ') || 'no corpus';
console.log(`recruit-check benchmark: ${described}${scaleSizes.length > 0 ? `; scale ${scaleSizes.join(', ')} HTML pages` : ''}; ${availableParallelism()} CPU cores, Node ${process.version}`);
if (!hasAlex) console.log('alex is not installed (node_modules/alex/cli.js): the comparisons with alex are skipped');
console.log(`building the corpus in ${work} …`);
try {
  const built = Date.now();
  const { folders, scaleFolders } = await buildCorpus(work, counts, scaleSizes);
  console.log(`built in ${((Date.now() - built) / 1000).toFixed(1)} s`);
  const oneFile = Object.fromEntries(formats.map((format) => [format, path.join(folders[format], advertName(0, FORMATS[format].extension))]));

  const single = singleDocuments(oneFile);
  const ourFolders = formats.map((format) => corpus(format, folders[format], oneFile[format], single[format]));
  if (scaleSizes.length > 0) {
    scale(scaleFolders);
    auditScale(scaleFolders);
  }

  const ourRuns = [...Object.values(single), ...ourFolders, ...figures.scale, ...figures.auditScale];
  if (ourRuns.length > 0) {
    console.log('');
    limitTarget('peak memory of every recruit-check process', Math.max(...ourRuns.map((measured) => measured.rssMb)), 300, fmtMb);
  }
  const missed = figures.targets.filter((each) => !each.met);
  console.log('');
  console.log(`targets met: ${figures.targets.length - missed.length} of ${figures.targets.length}${missed.length > 0 ? `; missed: ${missed.map((each) => each.what).join('; ')}` : ''}`);

  if (values.json) {
    const report = { date: new Date().toISOString(), node: process.version, cores: availableParallelism(), counts, runs, corpusRuns, scaleSizes, alex: hasAlex, ...figures };
    writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
  }
} finally {
  // The corpus goes even when a run fails, unless it was asked for.
  if (values.keep) console.log(`corpus kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
