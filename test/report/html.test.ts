/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The HTML report (`--format html`), tested as people will use it: the real command writes the
 * report, and a real browser (headless Chromium, driven by puppeteer-core) opens it, checks it
 * with axe-core against WCAG 2.0, 2.1 and 2.2 A and AA and best practice, prints it, and tries the
 * documents' injection attempts. Chromium is required: without it these tests fail and say how
 * to install it. (The DOM library types the functions that run in the page.)
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecker } from '../../src/check.js';
import { formatHtml } from '../../src/report/html.js';
import { formatReport, onlyErrorsOf, reportStream } from '../../src/report/index.js';
import type { FileResult, Finding } from '../../src/types.js';
import { CHROMIUM, chromiumMissing, describeViolations, launchChromium, runAxe } from '../browser.js';
import { root, runCli } from '../run-cli.js';
import { sampleFinding } from './samples.js';

const OUTPUT = path.join(root, 'test/output');

/**
 * A Markdown advert that tries to inject markup (as escaped text, so that the text the report
 * shows really holds it) and suppresses findings with comments whose reasons try it too.
 */
const INJECTION = [
  '# Care assistant &lt;script&gt;alert(1)&lt;/script&gt;',
  '',
  'We are seeking a self-starter "&gt;&lt;img src=x onerror=alert(2)&gt; who can utilise &lt;/style&gt;&lt;script&gt;alert(3)&lt;/script&gt; their skills.',
  '',
  '<!-- recruit-check-disable-next-line plain-language/recruitment-jargon -- MDT is in the glossary <script>alert(4)</script> -->',
  'You will work in the MDT.',
  '',
  'The post holder will commence duties on appointment. <!-- recruit-check-disable-line plain-language/simpler-words -- contract wording "><img src=x onerror=alert(5)> -->',
  '',
  '| Pay | Note |',
  '|---|---|',
  '| £24,000 | `<b onmouseover=alert(6)>hover</b>` and `</style>` |',
  '',
  'A bell \u0007 and a right-to-left override \u202e here.',
  '',
  '<!-- recruit-check-disable required-content/missing-closing-date -- the closing date is on the jobs page -->',
  '',
].join('\n');

/** The injection advert's file name: itself an attempt. */
const INJECTION_NAME = 'advert "><img src=x onerror=alert(7)>.md';

/** The files of the report: many findings, Word, PDF, a file that cannot be read, the injection attempt. */
const FIXTURES = ['fixtures/adverts/healthcare-assistant-jargon.md', 'fixtures/adverts/exclusionary.docx', 'fixtures/adverts/exclusionary.pdf', 'fixtures/bad/truncated.pdf'];

it('has Chromium to test the HTML report in', () => {
  expect(existsSync(CHROMIUM), chromiumMissing()).toBe(true);
});

describe('HTML report in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let html = '';
  let reportFile = '';
  let injectionPath = '';
  let status: number | null = null;
  const dialogs: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(chromiumMissing());
    const folder = mkdtempSync(path.join(tmpdir(), 'recruit-check-html-'));
    injectionPath = path.join(folder, INJECTION_NAME);
    writeFileSync(injectionPath, INJECTION);
    writeFileSync(path.join(folder, '.recruit-checkrc.yaml'), 'allow:\n  - seeking\n');
    const run = runCli([...FIXTURES, injectionPath, '--format', 'html'], { timeout: 120_000 });
    expect(run.stderr).toBe('');
    status = run.status;
    html = run.stdout;
    mkdirSync(OUTPUT, { recursive: true });
    reportFile = path.join(OUTPUT, 'html-report.html');
    writeFileSync(reportFile, html);

    browser = await launchChromium();
    page = await browser.newPage();
    // axe is added to the page from here: the report's own policy forbids every script, so it is
    // bypassed, and every test of injection below relies on the escaping alone.
    await page.setBypassCSP(true);
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('request', (request) => requests.push(request.url()));
    await page.setViewport({ width: 1100, height: 900 });
    await page.goto(pathToFileURL(reportFile).href, { waitUntil: 'load' });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('is one page for every file, with exit code 2 for the file that could not be read', () => {
    expect(status).toBe(2);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.match(/<article class="file"/g)).toHaveLength(FIXTURES.length + 1);
  });

  it('has no accessibility violations (axe-core: WCAG 2.0, 2.1 and 2.2 A and AA, best practice)', async () => {
    const violations = await runAxe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  }, 120_000);

  it('runs axe for real: a page made to fail does fail', async () => {
    const bad = await browser.newPage();
    await bad.setContent('<html><body><img src="data:,"><p style="color:#bbb">faint</p><a href="#x"></a></body></html>');
    const violations = await runAxe(bad);
    await bad.close();
    expect(violations.map((violation) => violation.id)).toEqual(expect.arrayContaining(['color-contrast', 'html-has-lang', 'image-alt', 'link-name']));
  }, 60_000);

  it('has landmarks, a skip link, contents and headings in order', async () => {
    const structure = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      landmarks: ['header', 'nav', 'main'].map((name) => document.querySelectorAll(`body > ${name}`).length),
      skip: document.querySelector('body > a.skip')?.getAttribute('href'),
      contents: [...document.querySelectorAll('nav a')].map((link) => link.getAttribute('href')),
      levels: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => Number(heading.tagName.slice(1))),
    }));
    expect(structure.lang).toBe('en');
    expect(structure.landmarks).toEqual([1, 1, 1]);
    expect(structure.skip).toBe('#main');
    expect(structure.contents).toEqual(['#file-1', '#file-2', '#file-3', '#file-4', '#file-5']);
    expect(structure.levels[0]).toBe(1);
    expect(structure.levels.filter((level) => level === 1)).toHaveLength(1);
    structure.levels.forEach((level, index) => {
      if (index > 0) expect(level - (structure.levels[index - 1] ?? 1)).toBeLessThanOrEqual(1);
    });
  });

  it('puts what to fix first at the top of each file, before the scorecard and the text, each linked to its finding', async () => {
    const files = await page.evaluate(() =>
      [...document.querySelectorAll('article.file')].map((article) => {
        const sections = [...article.querySelectorAll(':scope > section')].map((section) => section.className);
        const links = [...article.querySelectorAll('.fix-first a')].map((link) => link.getAttribute('href') ?? '');
        return { sections, links, resolved: links.every((href) => article.querySelector(href) !== null), text: article.querySelector('.fix-first li')?.textContent ?? null };
      }),
    );
    const withFindings = files.filter((file) => file.links.length > 0);
    expect(withFindings.length).toBeGreaterThan(1);
    for (const file of withFindings) {
      expect(file.sections.slice(0, 3)).toEqual(['fix-first', 'scorecard', 'document']);
      expect(file.links.length).toBeLessThanOrEqual(5);
      expect(file.resolved).toBe(true);
      expect(file.text).toMatch(/^(?:Error|Warning) \[\d+\] /);
    }
  });

  it('makes no requests beyond the report itself', () => {
    expect(requests).toEqual([pathToFileURL(reportFile).href]);
  });

  it('marks findings in place, nesting overlaps, in Markdown, Word and PDF files', async () => {
    const files = await page.evaluate(() =>
      [...document.querySelectorAll('article.file')].map((article) => ({
        marks: article.querySelectorAll('.doc mark.hl').length,
        nested: article.querySelectorAll('.doc mark.hl mark.hl').length,
        where: [...article.querySelectorAll('.finding dd')].map((dd) => dd.textContent ?? ''),
        error: article.querySelector('.file-error')?.textContent ?? null,
      })),
    );
    const [markdown, word, pdf, bad] = files;
    expect(markdown?.marks).toBeGreaterThan(40);
    expect(markdown?.nested).toBeGreaterThan(10);
    expect(word?.marks).toBeGreaterThan(10);
    expect(word?.where.some((text) => /^paragraph \d+/.test(text))).toBe(true);
    expect(pdf?.marks).toBeGreaterThan(10);
    expect(pdf?.where.some((text) => /^page \d+, line/.test(text))).toBe(true);
    expect(bad?.error).toMatch(/^Could not be read: .*truncated\.pdf/);
  });

  it('links each highlight to its explanation, and back', async () => {
    const links = await page.evaluate(() => {
      const problems: string[] = [];
      const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
      if (new Set(ids).size !== ids.length) problems.push('duplicate ids');
      let checked = 0;
      for (const mark of document.querySelectorAll<HTMLElement>('mark.hl')) {
        const file = mark.closest('article')?.id.replace('file-', '');
        const finding = document.getElementById(`f${file}-${mark.dataset['finding']}`);
        if (!finding?.matches('li.finding')) problems.push(`mark ${mark.id || mark.textContent}: no finding`);
        const first = document.getElementById(`h${file}-${mark.dataset['finding']}`);
        const back = finding?.querySelector('.back a')?.getAttribute('href');
        if (!first || back !== `#${first.id}`) problems.push(`finding ${finding?.id}: no link back to ${first?.id}`);
        checked++;
      }
      for (const ref of document.querySelectorAll('a.ref')) {
        const target = document.querySelector(ref.getAttribute('href') ?? '#none');
        if (!target?.matches('li.finding')) problems.push(`reference ${ref.getAttribute('href')}: no finding`);
      }
      for (const link of document.querySelectorAll('a[href^="#"]')) {
        if (!document.getElementById((link.getAttribute('href') ?? '#').slice(1))) problems.push(`broken link ${link.getAttribute('href')}`);
      }
      return { problems, checked };
    });
    expect(links.problems).toEqual([]);
    expect(links.checked).toBeGreaterThan(80);
  });

  it('lists the findings that are not marked (about the whole document), grouped by pillar in I.D.E.A.S. order', async () => {
    const markdown = await page.evaluate(() => {
      const article = document.getElementById('file-1');
      return {
        unmarked: article?.querySelectorAll('.unmarked li').length ?? 0,
        pillars: [...(article?.querySelectorAll('.pillar h4') ?? [])].map((heading) => (heading.textContent ?? '').split(':')[0]),
        wholeDocument: [...(article?.querySelectorAll('.finding dd') ?? [])].filter((dd) => dd.textContent === 'the whole document').length,
      };
    });
    expect(markdown.unmarked).toBeGreaterThan(5);
    expect(markdown.wholeDocument).toBeGreaterThan(5);
    expect(markdown.pillars).toEqual(['Inform', 'Develop', 'Encourage', 'Awareness', 'Support']);
  });

  it('is inert whatever the document holds: no dialogs, scripts, event handlers or images, and the text shows as text', async () => {
    const found = await page.evaluate(() => {
      const onAttributes = [...document.querySelectorAll('*')].flatMap((element) => element.getAttributeNames().filter((name) => name.toLowerCase().startsWith('on')));
      const article = document.getElementById('file-5');
      // The document's text without the numbers and labels the report adds around highlights.
      const bare = article?.cloneNode(true) as HTMLElement | undefined;
      for (const added of bare?.querySelectorAll('.vh, .ref, .kind') ?? []) added.remove();
      return {
        scripts: document.querySelectorAll('script').length,
        styles: document.querySelectorAll('style').length,
        active: document.querySelectorAll('img, iframe, object, embed, svg, link, form, input, base, b').length,
        onAttributes,
        text: bare?.textContent ?? '',
        visible: article?.innerText ?? '',
        title: document.title,
      };
    });
    await page.hover('#file-5 .doc-cells li:last-child');
    expect(dialogs).toEqual([]);
    expect(found.scripts).toBe(0);
    expect(found.styles).toBe(1);
    expect(found.active).toBe(0);
    expect(found.onAttributes).toEqual([]);
    expect(found.title).toBe('recruit-check report: 5 files');
    for (const text of [
      'Care assistant <script>alert(1)</script>',
      '"><img src=x onerror=alert(2)>',
      '</style><script>alert(3)</script>',
      '<b onmouseover=alert(6)>hover</b>',
    ]) {
      expect(found.text).toContain(text);
    }
    for (const text of [INJECTION_NAME, 'MDT is in the glossary <script>alert(4)</script>', 'contract wording "><img src=x onerror=alert(5)>']) {
      expect(found.visible).toContain(text);
    }
    expect(found.visible).toContain('A bell and a right-to-left override here.');
    expect(found.visible).not.toMatch(/[\u0007\u202e]/);
  });

  it('lists suppressed findings with how and why', async () => {
    const suppressed = await page.evaluate(() =>
      [...document.querySelectorAll('#file-5 .suppressed li')].map((item) => {
        const details = [...item.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]);
        return Object.fromEntries(details) as Record<string, string>;
      }),
    );
    expect(suppressed.map((entry) => [entry['Suppressed by'], entry['Reason']])).toEqual(
      expect.arrayContaining([
        ['a comment in the document', 'MDT is in the glossary <script>alert(4)</script>'],
        ['a comment in the document', 'contract wording "><img src=x onerror=alert(5)>'],
        ['a comment in the document', 'the closing date is on the jobs page'],
        ['an allowed phrase in a config file', expect.stringContaining('.recruit-checkrc.yaml')],
      ]),
    );
  });

  it('saves a full-page screenshot', async () => {
    const file = path.join(OUTPUT, 'html-report.png');
    // A long page: faster compression makes the PNG in a fraction of the time, a little larger.
    await page.screenshot({ path: file, fullPage: true, optimizeForSpeed: true });
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
  }, 60_000);

  it('prints: no navigation, highlights still marked in black and white, each file on a new page', async () => {
    await page.emulateMediaType('print');
    const print = await page.evaluate(() => {
      const mark = document.querySelector('.doc mark.hl');
      const style = mark ? getComputedStyle(mark) : null;
      return {
        nav: getComputedStyle(document.querySelector('nav') ?? document.body).display,
        skip: getComputedStyle(document.querySelector('.skip') ?? document.body).display,
        border: style ? [style.borderBottomStyle, style.borderBottomWidth, style.borderBottomColor] : null,
        breaks: [...document.querySelectorAll('article.file')].map((article) => getComputedStyle(article).breakBefore),
      };
    });
    expect(print.nav).toBe('none');
    expect(print.skip).toBe('none');
    expect(print.border).toEqual(['dashed', '3px', 'rgb(0, 0, 0)']);
    expect(print.breaks).toEqual(['auto', 'page', 'page', 'page', 'page']);
    const file = path.join(OUTPUT, 'html-report-print.pdf');
    const pdf = await page.pdf({ path: file, format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(50_000);
    const pages = (await PDFDocument.load(pdf)).getPageCount();
    expect(pages).toBeGreaterThan(FIXTURES.length + 1);
    await page.emulateMediaType('screen');
  }, 120_000);
});

/*
 * Without a browser: what the page is made of.
 */

const base = sampleFinding({ location: { line: 1, column: 8, endLine: 1, endColumn: 15, page: null, paragraph: null, section: null } });
const options = { rules: new Map(createChecker().rules.map((rule) => [rule.meta.id, rule.meta])), readingAge: 14 };

function resultOf(findings: readonly Finding[], extra: Partial<FileResult> = {}): FileResult {
  return { path: 'advert.md', format: 'markdown', type: 'advert', error: null, findings, metrics: null, scorecard: null, suppressed: [], ...extra };
}

/** The document's text as the report shows it. */
function documentHtml(page: string): string {
  return /<div class="doc">\n([\s\S]*?)\n<\/div>/.exec(page)?.[1] ?? '';
}

describe('HTML report: marks and fallbacks', () => {
  const text = 'We utilise good things';
  const sentence: Finding = { ...base, ruleId: 'readability/sentence-too-long', severity: 'warning', message: 'Long.', actual: text, suggestions: [] };
  const last: Finding = { ...base, ruleId: 'plain-language/idiom', severity: 'error', message: 'Idiom.', actual: 'things', suggestions: [] };
  const early: Finding = { ...base, ruleId: 'plain-language/idiom', actual: 'We utilise', message: 'Early.' };

  it('nests a word inside a sentence, and splits a range that crosses another', () => {
    const findings = [sentence, base, early, last];
    const result = resultOf(findings, {
      text: {
        blocks: [{ kind: 'paragraph', depth: null, text }],
        highlights: [
          { block: 0, start: 0, end: 22, finding: 0 },
          { block: 0, start: 3, end: 10, finding: 1 },
          { block: 0, start: 0, end: 10, finding: 2 },
          { block: 0, start: 16, end: 22, finding: 3 },
        ],
      },
    });
    const marked = documentHtml(formatHtml([result], options))
      .replace(/<span class="vh">\[finding (\d) starts\] <\/span>/g, '{$1')
      .replace(/<a class="ref" href="#f1-(\d)"( id="r1-\d")?>\[<span class="vh">finding <\/span>\d\]<\/a>/g, '[$1]')
      .replace(/<mark class="hl sev-\w+ d(\d)" data-finding="(\d)"( id="h1-\d")?>/g, '<$2.$1>');
    expect(marked).toBe('<p class="doc-p"><1.0>{1<3.1>{3We <2.2>{2utilise</mark>[2]</mark>[3] good <4.1>{4things</mark>[4]</mark>[1]</p>');
  });

  it('splits a range that ends after another it starts inside of', () => {
    const first: Finding = { ...base, actual: 'We utilise' };
    const second: Finding = { ...base, actual: 'utilise good' };
    const result = resultOf([first, second], {
      text: {
        blocks: [{ kind: 'paragraph', depth: null, text }],
        highlights: [
          { block: 0, start: 0, end: 10, finding: 0 },
          { block: 0, start: 3, end: 15, finding: 1 },
        ],
      },
    });
    const marked = documentHtml(formatHtml([result], options))
      .replace(/<span class="vh">\[finding (\d) starts\] <\/span>/g, '')
      .replace(/<a class="ref"[^>]*>\[<span class="vh">finding <\/span>(\d)\]<\/a>/g, '[$1]')
      .replace(/<mark class="hl sev-\w+ d\d" data-finding="(\d)"( id="h1-\d")?>/g, '<$1$2>');
    expect(marked).toBe('<p class="doc-p"><1 id="h1-1">We <2 id="h1-2">utilise</mark></mark>[1]<2> good</mark>[2] things</p>');
  });

  it('leaves out highlights that no longer point at their finding’s text', () => {
    const result = resultOf([base], {
      text: {
        blocks: [{ kind: 'paragraph', depth: null, text }],
        highlights: [
          { block: 0, start: 0, end: 2, finding: 0 },
          { block: 0, start: 3, end: 10, finding: 4 },
          { block: 3, start: 3, end: 10, finding: 0 },
        ],
      },
    });
    const page = formatHtml([result], options);
    expect(documentHtml(page)).toBe(`<p class="doc-p">${text}</p>`);
    expect(page).toContain('<ul class="unmarked"><li><a href="#f1-1">[1] Use “use” instead of “utilise”.</a></li></ul>');
  });

  it('keeps highlights on the findings --quiet keeps', () => {
    const error: Finding = { ...base, severity: 'error', actual: 'good' };
    const result = resultOf([base, error], {
      text: {
        blocks: [{ kind: 'paragraph', depth: null, text }],
        highlights: [
          { block: 0, start: 3, end: 10, finding: 0 },
          { block: 0, start: 11, end: 15, finding: 1 },
        ],
      },
    });
    expect(onlyErrorsOf(result).text?.highlights).toEqual([{ block: 0, start: 11, end: 15, finding: 0 }]);
  });

  it('lists the findings when the text is missing', () => {
    const page = formatHtml([resultOf([base])], options);
    expect(page).toContain('The document’s text is not part of this report');
    expect(page).toContain('<li class="finding sev-info" id="f1-1">');
    expect(page).not.toContain('<mark');
  });

  it('escapes file names, messages, reasons and text, and strips control characters', () => {
    const nasty = '<script>alert(1)</script>"\'&\u0007\u202e';
    const result = resultOf([{ ...base, message: nasty, actual: nasty, location: { ...base.location!, section: nasty } }], {
      path: nasty,
      suppressed: [{ finding: { ...base, message: nasty }, kind: 'inline', reason: nasty }],
      text: { blocks: [{ kind: 'heading', depth: 2, text: nasty }], highlights: [{ block: 0, start: 0, end: nasty.length, finding: 0 }] },
    });
    const page = formatHtml([result], options);
    expect(page).not.toContain('<script>');
    expect(page).not.toMatch(/[\u0007\u202e]/);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
  });

  it('writes the same page a file at a time as all at once', () => {
    const results = [resultOf([base]), resultOf([], { path: 'bad.pdf', format: 'pdf', type: null, error: { code: 'not-pdf', message: 'bad.pdf: not a PDF' } })];
    let written = '';
    const stream = reportStream('html', { ...options, colorLevel: 0 }, (piece) => (written += piece));
    for (const result of results) stream.file(result);
    stream.end();
    expect(written).toBe(formatReport('html', results, { ...options, colorLevel: 0 }));
    expect(written).toContain('1 problem found (0 errors, 0 warnings, 1 info) in 2 files. 1 file could not be read.');
  });
});
