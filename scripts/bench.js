#!/usr/bin/env node
/**
 * `npm run bench`: how fast recruit-check is, as whole processes, next to the floors — parsing the
 * same text with retext-english alone, converting the same Word files with mammoth alone,
 * extracting the same PDFs with pdf-parse alone — and next to alex where it is installed.
 *
 *   npm run bench -- [--markdown N] [--word N] [--pdf N] [--runs R] [--json file] [--keep]
 *
 * --keep leaves the corpus folder in place (for profiling) and prints where it is.
 *
 * It builds a corpus in a temporary folder (N adverts per format, made from the bundled adverts
 * with their paragraphs in a different order each time), times each command R times and reports
 * the median, with peak memory (maximum resident set size) of each process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'bin/recruit-check.js');
const { values } = parseArgs({
  options: {
    markdown: { type: 'string', default: '1000' },
    word: { type: 'string', default: '200' },
    pdf: { type: 'string', default: '200' },
    runs: { type: 'string', default: '5' },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const counts = { markdown: Number(values.markdown), word: Number(values.word), pdf: Number(values.pdf) };
const runs = Number(values.runs);
if (!existsSync(path.join(root, 'dist/bundle/cli.js'))) {
  console.error('bench: build first (npm install, or npm run build)');
  process.exit(2);
}

const work = mkdtempSync(path.join(tmpdir(), 'recruit-check-bench-'));
const rssPreload = path.join(work, 'rss.mjs');
// Each timed process writes its peak memory when it exits.
writeFileSync(
  rssPreload,
  "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { if (process.env.BENCH_RSS) writeFileSync(process.env.BENCH_RSS, String(process.resourceUsage().maxRSS)); });\n",
);

// ---------------------------------------------------------------- the corpus

/** Paragraph-level pieces of the bundled adverts, for making varied adverts of about 600 words. */
function pieces() {
  const texts = ['fixtures/adverts/healthcare-assistant-jargon.md', 'fixtures/adverts/support-worker-plain.md', 'fixtures/adverts/exclusionary.md', 'fixtures/adverts/context-cases.md'].map((file) =>
    readFileSync(path.join(root, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''),
  );
  return texts.flatMap((text) => text.split(/\n{2,}/).map((part) => part.trim()).filter((part) => part !== '' && !part.startsWith('#')));
}

/** A seeded shuffle, so every run of the benchmark checks the same corpus. */
function shuffled(items, seed) {
  const out = [...items];
  let state = seed * 2654435761 % 4294967296;
  for (let index = out.length - 1; index > 0; index--) {
    state = (state * 1664525 + 1013904223) % 4294967296;
    const other = state % (index + 1);
    [out[index], out[other]] = [out[other], out[index]];
  }
  return out;
}

/** Advert `n`: a title, then sections of paragraphs, about 600 words. */
function advert(parts, n) {
  const chosen = [];
  let words = 0;
  for (const part of shuffled(parts, n + 1)) {
    if (words > 600) break;
    chosen.push(part);
    words += part.split(/\s+/).length;
  }
  const sections = ['About the job', 'What you will do', 'Pay and hours', 'How to apply'];
  const blocks = [`# Support worker ${n + 1}`];
  chosen.forEach((part, index) => {
    if (index % 3 === 0) blocks.push(`## ${sections[(index / 3) % sections.length]}`);
    blocks.push(part);
  });
  return `${blocks.join('\n\n')}\n`;
}

/** Markdown blocks as plain paragraphs: headings and list items keep their words. */
function plainBlocks(markdown) {
  return markdown.split(/\n{2,}/).flatMap((block) => {
    const heading = /^(#+)\s+(.*)$/.exec(block);
    if (heading) return [{ heading: heading[1].length, text: heading[2] }];
    return block.split('\n').map((line) => ({ heading: 0, text: line.replace(/^(?:[-*]|\d+\.)\s+/, '').replace(/[*_`>]/g, '') }));
  });
}

async function writeWord(markdown, file) {
  const levels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3];
  const children = plainBlocks(markdown).map((block) =>
    block.heading > 0
      ? new Paragraph({ heading: levels[block.heading - 1], children: [new TextRun(block.text)] })
      : new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun(block.text)] }),
  );
  writeFileSync(file, await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

async function writePdf(markdown, file) {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const size = 11;
  const width = 595 - 2 * 56;
  let page = pdf.addPage([595, 842]);
  let y = 842 - 56;
  for (const block of plainBlocks(markdown)) {
    const fontSize = block.heading > 0 ? 16 - block.heading * 2 : size;
    const lines = [];
    let line = '';
    for (const word of block.text.replace(/[^\x20-\x7e£–—’“”]/g, ' ').split(/\s+/)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next.replace(/[£–—’“”]/g, '-'), fontSize) > width && line) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    if (line) lines.push(line);
    for (const text of lines) {
      if (y < 56) {
        page = pdf.addPage([595, 842]);
        y = 842 - 56;
      }
      page.drawText(text.replace(/[£]/g, 'GBP ').replace(/[–—]/g, '-').replace(/[’]/g, "'").replace(/[“”]/g, '"'), { x: 56, y, size: fontSize, font });
      y -= fontSize * 1.4;
    }
    y -= size * 0.8;
  }
  writeFileSync(file, await pdf.save({ useObjectStreams: false }));
}

async function buildCorpus() {
  const parts = pieces();
  const folders = { markdown: path.join(work, 'markdown'), word: path.join(work, 'word'), pdf: path.join(work, 'pdf') };
  for (const folder of Object.values(folders)) mkdirSync(folder);
  for (let n = 0; n < counts.markdown; n++) writeFileSync(path.join(folders.markdown, `advert-${String(n).padStart(5, '0')}.md`), advert(parts, n));
  for (let n = 0; n < counts.word; n++) await writeWord(advert(parts, n), path.join(folders.word, `advert-${String(n).padStart(5, '0')}.docx`));
  for (let n = 0; n < counts.pdf; n++) await writePdf(advert(parts, n), path.join(folders.pdf, `advert-${String(n).padStart(5, '0')}.pdf`));
  return folders;
}

// ---------------------------------------------------------------- timing

/** Run `args` with node `runs` times: the median wall time (ms) and the largest peak memory (MB). */
function measure(args, options = {}) {
  const times = [];
  let rss = 0;
  for (let run = 0; run < (options.runs ?? runs); run++) {
    const rssFile = path.join(work, 'rss.txt');
    rmSync(rssFile, { force: true });
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--import', `file://${rssPreload}`, ...args], {
      cwd: root,
      env: { ...process.env, BENCH_RSS: rssFile, NO_UPDATE_NOTIFIER: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 1024 * 1024 * 1024,
    });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.status !== 0 && result.status !== 1) {
      throw new Error(`${args.join(' ')} exited with ${result.status}: ${String(result.stderr).slice(0, 500)}`);
    }
    if (existsSync(rssFile)) rss = Math.max(rss, Number(readFileSync(rssFile, 'utf8')) / 1024);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], rssMb: rss };
}

/** A floor script: node running `source` (with the project's node_modules) over the files. */
function floorScript(name, source) {
  const file = path.join(root, 'node_modules', '.cache', 'recruit-check-bench', `${name}.mjs`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, source);
  return file;
}

const FLOORS = {
  retext: floorScript(
    'retext',
    `import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { unified } from 'unified';
import retextEnglish from 'retext-english';
const folder = process.argv[2];
const processor = unified().use(retextEnglish);
for (const name of readdirSync(folder).sort()) processor.parse(readFileSync(path.join(folder, name), 'utf8'));
`,
  ),
  mammoth: floorScript(
    'mammoth',
    `import { readdirSync } from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
const folder = process.argv[2];
for (const name of readdirSync(folder).sort()) await mammoth.convertToHtml({ path: path.join(folder, name) });
`,
  ),
  pdfParse: floorScript(
    'pdf-parse',
    `import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFParse } from 'pdf-parse';
const folder = process.argv[2];
for (const name of readdirSync(folder).sort()) {
  const parser = new PDFParse({ data: readFileSync(path.join(folder, name)) });
  await parser.getText();
  await parser.destroy();
}
`,
  ),
};

// ---------------------------------------------------------------- the run

const ratio = (ours, theirs) => (theirs > 0 ? ours / theirs : Number.NaN);
const fmt = (ms) => (ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

console.log(`recruit-check benchmark: ${counts.markdown} Markdown, ${counts.word} Word and ${counts.pdf} PDF adverts, median of ${runs} runs, ${availableParallelism()} CPU cores, Node ${process.version}`);
console.log(`building the corpus in ${work} …`);
const folders = await buildCorpus();
const alex = path.join(root, 'node_modules/alex/cli.js');
const hasAlex = existsSync(alex);
const one = { markdown: path.join(folders.markdown, 'advert-00000.md'), word: path.join(folders.word, 'advert-00000.docx'), pdf: path.join(folders.pdf, 'advert-00000.pdf') };
const singleWords = readFileSync(one.markdown, 'utf8').split(/\s+/).length;

const results = {};
const rows = [];
const row = (what, ours, against, target) => {
  rows.push({ what, ours, against, target });
  const compare = against ? `  ${against.label}: ${fmt(against.ms)}  ratio ${ratio(ours.ms, against.ms).toFixed(2)}×` : '';
  console.log(`${what.padEnd(44)} ${fmt(ours.ms).padStart(9)}  ${ours.rssMb.toFixed(0).padStart(4)} MB${compare}${target ? `  (target ${target})` : ''}`);
};

const nodeFloor = measure(['-e', '0']);
results.coldStart = measure([bin, '--version']);
row('cold start (--version)', results.coldStart, { label: 'node -e 0', ms: nodeFloor.ms }, '≤ 1.5×');

results.alexOne = hasAlex ? measure([alex, one.markdown]) : null;
results.oneMarkdown = measure([bin, one.markdown]);
row(`one Markdown advert (${singleWords} words)`, results.oneMarkdown, results.alexOne ? { label: 'alex', ms: results.alexOne.ms } : null, '≤ 0.5× alex');
results.oneWord = measure([bin, one.word]);
row('one Word advert', results.oneWord, null, null);
results.onePdf = measure([bin, one.pdf]);
row('one PDF advert', results.onePdf, null, null);

const corpusRuns = Math.max(1, Math.min(runs, 3));
results.markdown = measure([bin, folders.markdown], { runs: corpusRuns });
results.retext = measure([FLOORS.retext, folders.markdown], { runs: corpusRuns });
row(`${counts.markdown} Markdown adverts`, results.markdown, { label: 'retext-english alone', ms: results.retext.ms }, '≤ 2× per document');
if (hasAlex) {
  results.alexCorpus = measure([alex, folders.markdown], { runs: corpusRuns });
  const throughput = results.alexCorpus.ms / results.markdown.ms;
  console.log(`${''.padEnd(44)} alex: ${fmt(results.alexCorpus.ms)}  throughput ${throughput.toFixed(2)}× alex's (target ≥ 4×)`);
}
results.word = measure([bin, folders.word], { runs: corpusRuns });
results.mammoth = measure([FLOORS.mammoth, folders.word], { runs: corpusRuns });
row(`${counts.word} Word adverts`, results.word, { label: 'mammoth alone', ms: results.mammoth.ms }, '≤ 2×');
results.pdf = measure([bin, folders.pdf], { runs: corpusRuns });
results.pdfParse = measure([FLOORS.pdfParse, folders.pdf], { runs: corpusRuns });
row(`${counts.pdf} PDF adverts`, results.pdf, { label: 'pdf-parse alone', ms: results.pdfParse.ms }, '≤ 1.5×');

// Per-document cost: the corpus time less the cost of starting one process, per document.
const perDoc = (corpus, single, n) => Math.max(0, corpus.ms - single.ms) / Math.max(1, n - 1);
console.log('');
console.log('documents per second (whole corpus, one process):');
for (const format of ['markdown', 'word', 'pdf']) {
  console.log(`  ${format.padEnd(9)} ${(counts[format] / (results[format].ms / 1000)).toFixed(1)}`);
}
const ourPerDoc = perDoc(results.markdown, results.oneMarkdown, counts.markdown);
console.log(`per-document checking cost (Markdown): ${ourPerDoc.toFixed(1)} ms; retext-english parsing alone: ${(results.retext.ms / counts.markdown).toFixed(1)} ms (${ratio(ourPerDoc, results.retext.ms / counts.markdown).toFixed(2)}×, target ≤ 2×)`);

// Memory must not grow with the number of files.
console.log('');
console.log('peak memory by number of Markdown files:');
const memory = [];
for (const share of [0.25, 0.5, 1]) {
  const n = Math.max(1, Math.round(counts.markdown * share));
  const subset = path.join(work, `markdown-${n}`);
  mkdirSync(subset);
  for (let index = 0; index < n; index++) {
    const name = `advert-${String(index).padStart(5, '0')}.md`;
    writeFileSync(path.join(subset, name), readFileSync(path.join(folders.markdown, name)));
  }
  const measured = measure([bin, subset], { runs: 1 });
  memory.push({ files: n, rssMb: measured.rssMb });
  console.log(`  ${String(n).padStart(6)} files: ${measured.rssMb.toFixed(0)} MB`);
}
results.memory = memory;
results.peakRssMb = Math.max(results.markdown.rssMb, results.word.rssMb, results.pdf.rssMb);
console.log(`peak memory over the whole corpus: ${results.peakRssMb.toFixed(0)} MB (target < 300 MB)`);

if (values.json) writeFileSync(values.json, `${JSON.stringify({ counts, runs, cores: availableParallelism(), node: process.version, nodeFloorMs: nodeFloor.ms, results }, null, 2)}\n`);
if (values.keep) console.log(`corpus kept in ${work}`);
else rmSync(work, { recursive: true, force: true });
