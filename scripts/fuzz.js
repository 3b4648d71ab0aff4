#!/usr/bin/env node
/**
 * `npm run fuzz`: feed the text loaders (Markdown, plain text, HTML) pathological inputs of growing
 * size — through `loadBuffer`, as a file goes, then checked with every rule — and check that the
 * time grows in proportion to the size, never faster.
 *
 *   npm run fuzz -- [--quick] [--only <text>] [--sizes 8,16,32,64] [--runs 1-3] [--json <file>]
 *
 * For each case and format it times inputs of each size (kilobytes; by default 8, 16, 32 and 64,
 * with --quick 4, 8, 16 and 32), the fastest of up to three runs (--runs: fewer, with a case that
 * seems too slow timed again with three), and works out the growth: the time per
 * byte at the largest size over the time per byte at the smallest. Linear work gives about 1 (or
 * less: each document has a fixed cost); work that grows with the square of the size gives 8.
 * It prints a table and the largest growth, and exits with 1 when any case grows more than 3
 * times (the allowance for a busy machine's noise), any one input takes more than 5 seconds, an
 * input crashes the checker, or a run does not finish within 20 seconds (it is then stopped: each
 * measurement runs in a worker thread that is ended when its time is up, so a regression cannot
 * make this hang). Run `npm run build` first: it uses the built library in dist/.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';

const root = fileURLToPath(new URL('..', import.meta.url));
const self = fileURLToPath(import.meta.url);

/** Growth (time per byte, largest over smallest size) above which a case fails. */
const GROWTH_LIMIT = 3;
/** The most one input may take, in milliseconds. */
const INPUT_LIMIT_MS = 5000;
/** How long one run may take before its worker is stopped, in milliseconds. */
const RUN_TIMEOUT_MS = 20000;
/** Runs of each input (the fastest counts); fewer when a run is slow. */
const RUNS = 3;
/** A run slower than this is run once more at most, and one slower than `REPEAT_BELOW_MS` not at all. */
const THIRD_RUN_BELOW_MS = 400;
const REPEAT_BELOW_MS = 1500;

// ------------------------------------------------------------------------------------ the inputs

/** `unit` repeated to `bytes` bytes of UTF-8 (whole units, so never a broken character). */
function fill(unit, bytes, prefix = '', suffix = '') {
  const unitBytes = Buffer.byteLength(unit);
  const count = Math.max(1, Math.ceil((bytes - Buffer.byteLength(prefix + suffix)) / unitBytes));
  return prefix + unit.repeat(count) + suffix;
}

/** Lines made by `line(index)` until there are `bytes` bytes. */
function lines(bytes, line, separator = '\n') {
  const out = [];
  let total = 0;
  for (let index = 0; total < bytes; index++) {
    const next = line(index);
    out.push(next);
    total += Buffer.byteLength(next) + separator.length;
  }
  return out.join(separator);
}

/** A deterministic pseudo-random sequence (so every run sees the same inputs). */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const WORDS = 'we welcome applications from young carers and nurses who can work any shift you will need a DBS check and a full UK driving licence the successful candidate must be a native English speaker with NHS experience'.split(' ');
const ADVERT = 'Healthcare assistant, Band 3. You will support people on the ward. Closing date: Friday 14 January 2027 at 5pm. Email jobs@example.org or call 020 7946 0000.\n\n';
const TEXT = ['text', 'markdown', 'html'];
const MD = ['markdown'];
const HTML = ['html'];
const MD_HTML = ['markdown', 'html'];
/** Cases about the rules more than the loaders: read as plain text only (every rule runs on every format). */
const PLAIN = ['text'];

/**
 * The cases: a name, the formats it is read as, and the input of about `size` bytes. A case read
 * as HTML is wrapped in a page; `raw` cases are the whole file as given.
 */
const CASES = [
  // From the issue.
  { name: 'email-like run, no @', formats: TEXT, make: (size) => fill('abc.def_12%+-', size, 'Contact ', ' today.') },
  { name: '01/01/01/… (no spaces)', formats: TEXT, make: (size) => fill('01/01/01/', size) },
  { name: '£1,000,£1,000,… (no spaces)', formats: TEXT, make: (size) => fill('£1,000,', size) },
  { name: 'a run of spaces', formats: TEXT, make: (size) => fill(' ', size, 'Hello', 'world.\n') },
  { name: 'one sentence of many words', formats: TEXT, make: (size) => { const next = random(1); return `${lines(size, () => WORDS[Math.floor(next() * WORDS.length)], ' ')}.`; } },
  { name: 'Chinese, no punctuation', formats: TEXT, make: (size) => fill('我们欢迎来自各个背景的申请人加入护理团队工作', size) },
  { name: 'list nested deeper and deeper', formats: MD, raw: true, make: (size) => lines(size, (index) => `${'  '.repeat(index)}- item`) },
  { name: 'quotes nested deeper and deeper', formats: MD, raw: true, make: (size) => fill('> ', size, '', 'quoted text') },
  { name: 'elements nested deeper and deeper', formats: HTML, raw: true, make: (size) => fill('<div>', size, '<!doctype html><html><body>', 'text') },
  // Structure at depths a loader accepts, many times over.
  { name: 'many separate quotes', formats: MD, raw: true, make: (size) => fill('> We welcome applications.\n\n', size) },
  { name: 'lists nested 50 deep, many', formats: MD, raw: true, make: (size) => lines(size, (index) => `${'  '.repeat(index % 50)}- item ${index}`) },
  { name: 'quotes nested 90 deep, many', formats: MD, raw: true, make: (size) => fill(`${'> '.repeat(90)}text\n\n`, size) },
  { name: 'elements nested 200 deep, many', formats: HTML, raw: true, make: (size) => fill(`${'<div>'.repeat(200)}text${'</div>'.repeat(200)}`, size, '<!doctype html><html><body>') },
  { name: 'unclosed <p> and <li>', formats: HTML, raw: true, make: (size) => fill('<p>We welcome you<li>Band 3<td>DBS', size, '<!doctype html><html><body>') },
  { name: 'unclosed <b>, <i>, <a>', formats: HTML, raw: true, make: (size) => fill('<b>bold <i>italic <a href="x">link ', size, '<!doctype html><html><body><p>') },
  { name: 'attribute soup', formats: HTML, raw: true, make: (size) => fill('<span a="1" b=\'2\' c=3 d data-x="<>" e=>x</span>', size, '<!doctype html><html><body><p>') },
  { name: 'table with many columns', formats: MD_HTML, raw: true, make: (size, format) => (format === 'html' ? fill('<td>Band 5</td>', size, '<!doctype html><html><body><table><tr>', '</tr></table>') : (() => { const columns = Math.ceil(size / 20); return `|${' Band 5 |'.repeat(columns)}\n|${'---|'.repeat(columns)}\n|${' a |'.repeat(columns)}\n`; })()) },
  { name: 'many headings', formats: TEXT, raw: true, make: (size, format) => (format === 'html' ? fill('<h2>About the role</h2>\n', size, '<!doctype html><html><body>') : format === 'markdown' ? fill('## About the role\n\n', size) : fill('About the role\n\nWe care.\n\n', size)) },
  { name: 'many links and emails', formats: TEXT, raw: true, make: (size, format) => (format === 'html' ? fill('<a href="mailto:a@b.org">a@b.org</a> click here ', size, '<!doctype html><html><body><p>') : format === 'markdown' ? fill('[a@b.org](mailto:a@b.org) [click here](https://x.org) ', size) : fill('a@b.org www.example.org ', size)) },
  { name: 'many inline code spans', formats: MD, raw: true, make: (size) => fill('`DBS` the NHS `x` ', size) },
  { name: 'emphasis nested', formats: MD, raw: true, make: (size) => fill('*a _b **c ', size) },
  { name: 'unclosed comments', formats: MD_HTML, raw: true, make: (size, format) => fill('<!-- recruit-check-disable ', size, format === 'html' ? '<!doctype html><html><body><p>text</p>' : 'text\n\n') },
  // Before a document's first tag: “comments, then a tag” as one regular expression took 0.8 s for 25 of them, doubling with each.
  { name: 'empty comments before any tag', formats: ['text', 'markdown', 'html'], raw: true, make: (size) => fill('<!---->', size, '', 'x') },
  { name: 'many suppression comments', formats: MD_HTML, raw: true, make: (size, format) => fill('<!-- recruit-check-disable-line plain-language/simpler-words -->\n', size, format === 'html' ? '<!doctype html><html><body>' : '', format === 'html' ? '<p>We utilise it.</p>' : '\nWe utilise it.\n') },
  { name: 'many reference definitions', formats: MD, raw: true, make: (size) => lines(size, (index) => `[link${index}]: https://example.org/${index}`) },
  // Runs of one kind of character.
  { name: 'letters', formats: PLAIN, make: (size) => fill('a', size) },
  { name: 'capitals', formats: PLAIN, make: (size) => fill('A', size) },
  { name: 'capitals, not ASCII', formats: PLAIN, make: (size) => fill('À', size, 'AB') },
  { name: 'digits', formats: PLAIN, make: (size) => fill('1', size) },
  { name: 'full stops', formats: PLAIN, make: (size) => fill('.', size, 'a') },
  { name: 'exclamation marks in a word', formats: ['text', 'markdown'], make: (size) => fill('!', size, 'a', 'b') },
  { name: 'hyphens in a word', formats: PLAIN, make: (size) => fill('-', size, 'self-', 'a') },
  { name: 'underscores', formats: PLAIN, make: (size) => fill('_', size, 'x ', ' y') },
  { name: '((((', formats: PLAIN, make: (size) => fill('(', size, 'a', 'b') },
  { name: '<<<<', formats: ['text', 'markdown'], make: (size) => fill('<', size) },
  { name: 'a/a/a/… (no spaces)', formats: PLAIN, make: (size) => fill('a/', size) },
  { name: '1,1,1,… (no spaces)', formats: PLAIN, make: (size) => fill('1,', size) },
  { name: 'A\'A\'A\'… and A-A-A-…', formats: PLAIN, make: (size) => fill("A'A-", size, 'x ') },
  { name: 'nqnq… (a long word)', formats: PLAIN, make: (size) => fill('nq', size) },
  // Addresses and patterns the rules look for.
  { name: 'long URL without a TLD', formats: PLAIN, make: (size) => fill('a.', size, 'See http://', ' now') },
  { name: 'www. without an end', formats: PLAIN, make: (size) => fill('a-', size, 'www.') },
  { name: 'email without a TLD', formats: PLAIN, make: (size) => fill('b', size, 'x@') },
  { name: 'email a@b.b.b.…@', formats: PLAIN, make: (size) => fill('.b', size, 'x@b', '@') },
  { name: 'many different acronyms', formats: PLAIN, make: (size) => { const next = random(2); const letter = () => String.fromCharCode(65 + Math.floor(next() * 26)); return lines(size, () => `the ${letter()}${letter()}${letter()}${letter()} team`, ' '); } },
  { name: 'acronym and little words in brackets', formats: PLAIN, make: (size) => fill(' a', size, 'AAAAAAAB (', ')') },
  { name: 'welcome welcome …', formats: PLAIN, make: (size) => fill('welcome ', size) },
  { name: 'any shift any shift …', formats: PLAIN, make: (size) => fill('any shift ', size, '', 'required') },
  { name: 'GCSE 4444…', formats: PLAIN, make: (size) => fill('4', size, 'GCSE ', 'x') },
  { name: 'GCSE and spaces', formats: PLAIN, make: (size) => fill(' ', size, 'GCSE', 'x') },
  { name: 'mature after spaces', formats: PLAIN, make: (size) => fill(' ', size, 'be', 'mature and kind') },
  { name: 'deadline after spaces', formats: PLAIN, make: (size) => fill(' ', size, 'Closing date', 'x') },
  { name: 'time words and times', formats: PLAIN, make: (size) => fill('interviews at 10:30 midnight 12pm ', size) },
  { name: 'dates', formats: PLAIN, make: (size) => fill('1st June 01/12/27 Mon-Fri 3-5 June ', size) },
  // Other writing systems and characters.
  { name: 'right-to-left and bidi controls', formats: PLAIN, make: (size) => fill('\u202Eنحن نرحب بالمتقدمين\u202C שלום \u200F', size) },
  { name: 'emoji and joiners', formats: PLAIN, make: (size) => fill('👩‍⚕️👨🏽‍🦱😀', size) },
  { name: 'combining marks', formats: PLAIN, make: (size) => fill('e\u0301\u0302\u0303\u0304', size) },
  { name: 'sparse control characters', formats: PLAIN, make: (size) => fill('We care for people\u0007 in the community.\u000b ', size) },
  { name: 'a real advert, many times', formats: PLAIN, make: (size) => fill(ADVERT, size) },
];

/** The input of `testCase` read as `format`, about `size` bytes. */
function input(testCase, format, size) {
  const text = testCase.make(size, format);
  if (testCase.raw || format !== 'html') return text;
  return `<!doctype html><html><body><p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p></body></html>`;
}

const NAMES = { text: 'advert.txt', markdown: 'advert.md', html: 'advert.html' };

// ---------------------------------------------------------------------------------- the runner

/** One worker thread, restarted after it is stopped. */
class Runner {
  worker = null;

  async start() {
    this.worker = new Worker(self);
    await new Promise((resolve, reject) => {
      this.worker.once('message', resolve);
      this.worker.once('error', reject);
    });
  }

  /** Time one input; `{ timeout: true }` when it takes longer than `RUN_TIMEOUT_MS` a run. */
  async measure(request) {
    if (!this.worker) await this.start();
    const worker = this.worker;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        worker.removeAllListeners('message');
        void worker.terminate();
        this.worker = null;
        resolve({ timeout: true });
      }, RUN_TIMEOUT_MS * (RUNS + (request.warm ? 1 : 0)));
      worker.once('message', (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      worker.postMessage(request);
    });
  }

  stop() {
    void this.worker?.terminate();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      sizes: { type: 'string' },
      runs: { type: 'string' },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('Usage: npm run fuzz -- [--quick] [--only <text>] [--sizes 8,16,32,64] [--runs 1-3] [--json <file>]');
    return;
  }
  if (!existsSync(path.join(root, 'dist', 'index.js'))) {
    console.error('fuzz: build first (npm run build)');
    process.exit(2);
  }
  const sizes = (values.sizes ?? (values.quick ? '4,8,16,32' : '8,16,32,64')).split(',').map((kb) => Math.round(Number(kb) * 1024));
  if (sizes.length < 2 || sizes.some((size) => !(size > 0))) {
    console.error('fuzz: --sizes needs two or more sizes in kilobytes, such as 8,16,32,64');
    process.exit(2);
  }
  const runs = values.runs === undefined ? RUNS : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > RUNS) {
    console.error(`fuzz: --runs must be a whole number from 1 to ${RUNS}`);
    process.exit(2);
  }
  const jobs = CASES.flatMap((testCase, caseIndex) => testCase.formats.map((format) => ({ testCase, caseIndex, format }))).filter(
    ({ testCase, format }) => !values.only || `${testCase.name} ${format}`.toLowerCase().includes(values.only.toLowerCase()),
  );
  const started = performance.now();
  const runner = new Runner();
  const rows = [];
  const kb = (bytes) => `${Math.round(bytes / 1024)} KB`;
  console.log(`recruit-check fuzz: ${jobs.length} cases at ${sizes.map(kb).join(', ')} (fastest of up to ${runs} run${runs === 1 ? '' : 's'}${runs < RUNS ? `, ${RUNS} for a case that seems too slow` : ''}; growth = time per byte at the largest size / at the smallest)\n`);
  const header = ['case', 'format', ...sizes.map((size) => `${kb(size)} ms`), 'growth', 'result at largest'];
  const widths = [38, 8, ...sizes.map(() => 9), 7, 0];
  const line = (cells) => cells.map((cell, index) => (index < 2 || index === cells.length - 1 ? String(cell).padEnd(widths[index]) : String(cell).padStart(widths[index]))).join(' ').trimEnd();
  console.log(line(header));
  /** Time `testCase` read as `format` at each size, the fastest of up to `runs` runs each. */
  const measureCase = async (testCase, caseIndex, format, runs) => {
    const row = { case: testCase.name, format, sizes, runs, ms: [], bytes: [], growth: null, result: '', problems: [] };
    for (const [index, size] of sizes.entries()) {
      const reply = await runner.measure({ caseIndex, format, size, runs, warm: index === 0 });
      if (reply.timeout) {
        row.problems.push(`did not finish within ${RUN_TIMEOUT_MS / 1000} s at ${kb(size)}`);
        row.ms.push(null);
        break;
      }
      if (reply.error) {
        row.problems.push(`crashed at ${kb(size)}: ${reply.error}`);
        row.ms.push(null);
        break;
      }
      row.ms.push(reply.ms);
      row.bytes.push(reply.bytes);
      row.result = reply.result;
      if (reply.ms > INPUT_LIMIT_MS) {
        row.problems.push(`took ${(reply.ms / 1000).toFixed(1)} s at ${kb(size)}`);
        break;
      }
    }
    const measured = row.ms.filter((ms) => ms !== null);
    if (measured.length === sizes.length) {
      const perByte = (index) => Math.max(row.ms[index], 0.05) / row.bytes[index];
      row.growth = perByte(sizes.length - 1) / perByte(0);
      if (row.growth > GROWTH_LIMIT) row.problems.push(`grows ${row.growth.toFixed(1)} times faster than its size`);
    }
    return row;
  };
  for (const { testCase, caseIndex, format } of jobs) {
    let row = await measureCase(testCase, caseIndex, format, runs);
    // With fewer runs a busy moment can look like growth: a case that seems too slow is timed
    // again with the full number of runs, and only that measurement counts.
    if (row.problems.length > 0 && runs < RUNS && !row.ms.includes(null)) row = await measureCase(testCase, caseIndex, format, RUNS);
    rows.push(row);
    const cells = [testCase.name, format, ...sizes.map((_, index) => (row.ms[index] === undefined ? '' : row.ms[index] === null ? 'FAIL' : row.ms[index].toFixed(0))), row.growth === null ? '—' : row.growth.toFixed(2), row.problems.length > 0 ? `FAIL: ${row.problems.join('; ')}` : row.result];
    console.log(line(cells));
  }
  runner.stop();
  const failed = rows.filter((row) => row.problems.length > 0);
  const largest = rows.filter((row) => row.growth !== null).sort((a, b) => b.growth - a.growth)[0];
  console.log('');
  if (largest) console.log(`Largest growth: ${largest.growth.toFixed(2)} (${largest.case}, ${largest.format}); the limit is ${GROWTH_LIMIT}.`);
  console.log(`${rows.length - failed.length} passed, ${failed.length} failed in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  for (const row of failed) console.log(`  ${row.case} (${row.format}): ${row.problems.join('; ')}`);
  if (values.json) writeFileSync(values.json, `${JSON.stringify({ sizes, growthLimit: GROWTH_LIMIT, inputLimitMs: INPUT_LIMIT_MS, rows }, null, 2)}\n`);
  process.exitCode = failed.length > 0 ? 1 : 0;
}

// ------------------------------------------------------------------------------- the worker

async function work() {
  const lib = await import(pathToFileURL(path.join(root, 'dist', 'index.js')).href);
  // Every rule: most apply to adverts, the rest to interview invitations.
  const advert = lib.createChecker({ options: { docType: 'advert' } });
  const invitationOnly = advert.rules.filter((rule) => rule.meta.appliesTo && rule.meta.appliesTo.advert === undefined).map((rule) => rule.meta.id);
  // And the type of document worked out as for a file (one cheap rule, for the detection).
  const detect = lib.createChecker({ only: ['document-structure/no-headings'] });
  const checkers = [advert, lib.createChecker({ only: invitationOnly, options: { docType: 'interview-invitation' } }), detect];
  const run = async (testCase, format, size) => {
    const text = input(testCase, format, size);
    const bytes = Buffer.from(text);
    const started = performance.now();
    const loaded = await lib.loadBuffer(bytes, NAMES[format], format);
    let findings = 0;
    if (loaded.ok) for (const checker of checkers) findings += lib.checkDocument(loaded.doc, checker).findings.length;
    return { ms: performance.now() - started, bytes: bytes.length, result: loaded.ok ? `${loaded.doc.blocks.length} blocks, ${findings} findings` : loaded.error.code };
  };
  parentPort.on('message', async ({ caseIndex, format, size, runs, warm }) => {
    const testCase = CASES[caseIndex];
    try {
      if (warm) await run(testCase, format, size);
      const times = [];
      let last;
      for (let attempt = 0; attempt < runs; attempt++) {
        last = await run(testCase, format, size);
        times.push(last.ms);
        if (last.ms > REPEAT_BELOW_MS || (attempt >= 1 && last.ms > THIRD_RUN_BELOW_MS)) break;
      }
      parentPort.postMessage({ ms: Math.min(...times), bytes: last.bytes, result: last.result });
    } catch (error) {
      parentPort.postMessage({ error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
  });
  parentPort.postMessage({ ready: true });
}


if (isMainThread) await main();
else await work();
