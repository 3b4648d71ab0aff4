/**
 * Hostile Markdown, plain text and HTML (issue 14), built here rather than committed: inputs that
 * once made a regular expression backtrack, a scan start again from every word or every match,
 * or the parsers work and recurse without end. Each is loaded as a file is (`loadBuffer`) and
 * checked with every rule, and must finish; those nested too deeply are refused with their own
 * one-line error. Speed itself is measured by `npm run fuzz`: these only show that every input
 * finishes, with a generous time limit for a busy machine.
 */
import { describe, expect, it } from 'vitest';
import { checkDocument, type Checker } from '../../src/engine/checker.js';
import { MAX_HTML_DEPTH, MAX_MARKDOWN_DEPTH, checkHtmlDepth, checkMarkdownDepth, refusalOf } from '../../src/load/limits.js';
import { loadBuffer, type LoadResult } from '../../src/load/read.js';
import { createChecker } from '../../src/ruleset.js';
import type { Format } from '../../src/types.js';

const TIMEOUT = 60_000;
const KB = 1024;

/** Every rule: most apply to adverts, the rest to interview invitations. */
const advert = createChecker({ options: { docType: 'advert' } });
const invitationOnly = advert.rules.filter((rule) => rule.meta.appliesTo && rule.meta.appliesTo.advert === undefined).map((rule) => rule.meta.id);
const checkers: Checker[] = [advert, createChecker({ only: invitationOnly, options: { docType: 'interview-invitation' } })];

/** `unit` repeated to at least `bytes` bytes, between `prefix` and `suffix`. */
function fill(unit: string, bytes: number, prefix = '', suffix = ''): string {
  return prefix + unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit))) + suffix;
}

const NAMES: Readonly<Record<string, string>> = { text: 'advert.txt', markdown: 'advert.md', html: 'advert.html' };

/** Load `text` as a file of `format` is loaded. */
function load(text: string, format: Format): Promise<LoadResult> {
  return loadBuffer(Buffer.from(text), NAMES[format] ?? 'advert.txt', format);
}

/** Load and check `text`: it must load, and be checked by every rule without an error. */
async function loadAndCheck(text: string, format: Format): Promise<{ blocks: number; findings: number }> {
  const loaded = await load(text, format);
  if (!loaded.ok) throw new Error(`did not load: ${loaded.error.code}: ${loaded.error.message}`);
  let findings = 0;
  for (const checker of checkers) findings += checkDocument(loaded.doc, checker).findings.length;
  return { blocks: loaded.doc.blocks.length, findings };
}

describe('hostile text finishes, loaded and checked with every rule', () => {
  it('an email-like run with no “@” (200 KB)', { timeout: TIMEOUT }, async () => {
    const result = await loadAndCheck(fill('abc.def_12%+-', 200 * KB, 'Contact ', ' today.'), 'text');
    expect(result.blocks).toBe(1);
  });

  it('1 MB without white space: dates and money', { timeout: TIMEOUT }, async () => {
    expect((await loadAndCheck(fill('01/01/01/', 1024 * KB), 'text')).blocks).toBe(1);
    expect((await loadAndCheck(fill('£1,000,', 256 * KB), 'markdown')).blocks).toBe(1);
  });

  it('200,000 spaces between two words, in plain text and Markdown', { timeout: TIMEOUT }, async () => {
    const text = `Hello${' '.repeat(200_000)}world.\n`;
    expect((await loadAndCheck(text, 'text')).blocks).toBe(1);
    expect((await loadAndCheck(text, 'markdown')).blocks).toBe(1);
  });

  it('one sentence of 10,000 words, full of phrases the rules look for', { timeout: TIMEOUT }, async () => {
    const words = 'we welcome applications from young carers who can work any shift and need a full UK driving licence'.split(' ');
    const sentence = `${Array.from({ length: 10_000 }, (_, index) => words[index % words.length]).join(' ')}.`;
    const result = await loadAndCheck(sentence, 'text');
    expect(result.blocks).toBe(1);
    expect(result.findings).toBeGreaterThan(0);
  });

  it('150 KB of Chinese without punctuation', { timeout: TIMEOUT }, async () => {
    expect((await loadAndCheck(fill('我们欢迎来自各个背景的申请人加入护理团队工作', 150 * KB), 'text')).blocks).toBe(1);
  });

  it('thousands of separate quotes, and lists and quotes nested as deep as allowed, many times', { timeout: TIMEOUT }, async () => {
    expect((await loadAndCheck(fill('> We welcome applications.\n\n', 100 * KB), 'markdown')).blocks).toBeGreaterThan(1000);
    const list = Array.from({ length: MAX_MARKDOWN_DEPTH }, (_, index) => `${'  '.repeat(index)}- item ${index}`).join('\n');
    expect((await loadAndCheck(`${list}\n\nA paragraph.\n\n`.repeat(5), 'markdown')).blocks).toBeGreaterThan(500);
    const quote = `${'> '.repeat(MAX_MARKDOWN_DEPTH)}quoted\n\n`;
    expect((await loadAndCheck(quote.repeat(200), 'markdown')).blocks).toBe(200);
  });

  it('runs that once backtracked: capitals and apostrophes, a/a/a, GCSE 4444, little words after an acronym', { timeout: TIMEOUT }, async () => {
    for (const text of [fill("A'A-", 32 * KB, 'x '), fill('a/', 64 * KB), fill('4', 16 * KB, 'GCSE ', 'x'), fill(' a', 8 * KB, 'AAAAAAAB (', ')'), fill('1,', 64 * KB)]) {
      expect((await loadAndCheck(text, 'text')).blocks).toBe(1);
    }
  });

  it('empty comments before any tag, which a “comments, then a tag” pattern took exponential time over', { timeout: TIMEOUT }, async () => {
    // 25 of them took 0.8 s, each one more doubling it; 5,000 must take no time at all.
    // As text, one paragraph of them; in Markdown, one HTML block, which is not prose.
    expect((await loadAndCheck(fill('<!---->', 35 * KB, '', 'x'), 'text')).blocks).toBe(1);
    expect((await loadAndCheck(fill('<!---->', 35 * KB, '', 'x'), 'markdown')).blocks).toBe(0);
    const page = await load(`${'<!---->'.repeat(5_000)}<!doctype html><html lang="en"><body><p>You will utilise the rota.</p></body></html>`, 'html');
    expect(page.ok && page.format).toBe('html');
  });

  it('HTML: unclosed paragraphs, items and formatting, and elements nested as deep as allowed', { timeout: TIMEOUT }, async () => {
    expect((await loadAndCheck(fill('<p>We welcome you<li>Band 3<td>DBS', 100 * KB, '<!doctype html><html><body>'), 'html')).blocks).toBeGreaterThan(1000);
    // Formatting left open in each paragraph is opened again in the next, three alike at most.
    expect((await loadAndCheck(fill('<p><b>bold <i>italic <a href="x">link ', 50 * KB, '<!doctype html><html><body>'), 'html')).blocks).toBeGreaterThan(1000);
    const deep = MAX_HTML_DEPTH - 10;
    expect((await loadAndCheck(`${'<div>'.repeat(deep)}text${'</div>'.repeat(deep)}`.repeat(20), 'html')).blocks).toBe(20);
  });
});

describe('files nested too deeply are refused before they are parsed', () => {
  const markdownMessage = `advert.md: is nested more than ${MAX_MARKDOWN_DEPTH} levels deep (lists or quotes inside each other) — no real advert is; check it is the right file`;

  it('a Markdown list nested 1,000 deep', { timeout: TIMEOUT }, async () => {
    const list = Array.from({ length: 1000 }, (_, index) => `${'  '.repeat(index)}- item`).join('\n');
    const result = await load(list, 'markdown');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toEqual({ code: 'too-deep', message: markdownMessage });
  });

  it('Markdown quotes nested 3,000 deep, and lists on one line (“- - - x”)', { timeout: TIMEOUT }, async () => {
    for (const text of [`${'> '.repeat(3000)}quoted text`, `${'>'.repeat(3000)} x`, `${'- '.repeat(500)}x`, `${'1. '.repeat(500)}x`]) {
      const result = await load(text, 'markdown');
      expect(result.ok ? null : result.error).toEqual({ code: 'too-deep', message: markdownMessage });
    }
  });

  it('lines ended by carriage returns alone nest as deeply', { timeout: TIMEOUT }, async () => {
    const list = Array.from({ length: 500 }, (_, index) => `${'  '.repeat(index)}- item`).join('\r');
    const result = await load(list, 'markdown');
    expect(result.ok ? null : result.error.code).toBe('too-deep');
  });

  it('HTML elements nested 5,000 deep, and formatting never closed', { timeout: TIMEOUT }, async () => {
    const message = `advert.html: is nested more than ${MAX_HTML_DEPTH} levels deep (elements inside each other) — no real advert is; check it is the right file`;
    for (const text of [`<!doctype html><html><body>${'<div>'.repeat(5000)}text`, fill('<b>bold <i>italic <a href="x">link ', 50 * KB, '<!doctype html><html><body><p>')]) {
      const result = await load(text, 'html');
      expect(result.ok ? null : result.error).toEqual({ code: 'too-deep', message });
    }
  });

  it('the limits: as deep as allowed passes, one more is refused', () => {
    const list = (depth: number): string => Array.from({ length: depth }, (_, index) => `${'  '.repeat(index)}- item`).join('\n');
    expect(() => checkMarkdownDepth(list(MAX_MARKDOWN_DEPTH))).not.toThrow();
    expect(() => checkMarkdownDepth(list(MAX_MARKDOWN_DEPTH + 1))).toThrow(/nested more than/);
    expect(() => checkMarkdownDepth(`${'> '.repeat(MAX_MARKDOWN_DEPTH)}x`)).not.toThrow();
    expect(() => checkMarkdownDepth(`${'> '.repeat(MAX_MARKDOWN_DEPTH + 1)}x`)).toThrow(/nested more than/);
    expect(() => checkHtmlDepth('<div>'.repeat(MAX_HTML_DEPTH))).not.toThrow();
    expect(() => checkHtmlDepth('<div>'.repeat(MAX_HTML_DEPTH + 1))).toThrow(/nested more than/);
  });

  it('what only looks deep is not refused: code, thematic breaks, closed or self-closing tags, sloppy HTML', () => {
    const fenced = `\`\`\`\n${'> '.repeat(500)}\n${'- '.repeat(500)}x\n\`\`\`\n`;
    expect(() => checkMarkdownDepth(fenced)).not.toThrow();
    expect(() => checkMarkdownDepth(`    ${'> '.repeat(500)}code`)).not.toThrow();
    expect(() => checkMarkdownDepth(`${'- '.repeat(500)}\n`)).not.toThrow();
    expect(() => checkHtmlDepth('<div>text</div>'.repeat(10_000))).not.toThrow();
    expect(() => checkHtmlDepth('<p>one<p>two<li>three<li>four<br><img src=x><td>five'.repeat(2000))).not.toThrow();
    expect(() => checkHtmlDepth(`<script>${'<div>'.repeat(1000)}</script><!-- ${'<div>'.repeat(1000)} --><p title="${'<div>'.repeat(1000)}">x`)).not.toThrow();
    expect(() => checkHtmlDepth(`<svg>${'<path d="M0 0"/>'.repeat(1000)}</svg>`)).not.toThrow();
  });

  it('a stack overflow is the same refusal, not a crash to report', () => {
    const overflow = new RangeError('Maximum call stack size exceeded');
    expect(refusalOf(overflow, 'markdown')?.code).toBe('too-deep');
    expect(refusalOf(overflow, 'html')?.reason).toMatch(/elements inside each other/);
    expect(refusalOf(new Error('something else'), 'markdown')).toBeNull();
  });
});
