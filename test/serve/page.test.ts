/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The page of `recruit-check serve` in a real browser (headless Chromium, driven by
 * puppeteer-core), as HR staff and reviewers use it: a Word file, a PDF and pasted text checked
 * with the keyboard alone, from choosing the file to downloading the result; the annotated Word
 * copy opened in LibreOffice with one comment per finding; the page without JavaScript, with a
 * dropped file, at 400% zoom and in forced colours; axe-core on the empty page and on a report;
 * no request anywhere but the server itself. Screenshots are saved in test/output/.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, CDPSession, Page, Protocol } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, chromiumMissing, describeViolations, launchChromium, runAxe } from '../browser.js';
import { annotationsIn, convertWithLibreOffice, soffice } from '../libreoffice.js';
import { root } from '../run-cli.js';
import { startServe, type Served } from './serve-process.js';

const OUTPUT = path.join(root, 'test/output');
const fixture = (name: string): string => path.join(root, name);

/** Press Tab until the focused element matches `selector` (at most `limit` times); fails otherwise. */
async function tabTo(page: Page, selector: string, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) === true, selector)) return;
    await page.keyboard.press('Tab');
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? 'nothing');
  throw new Error(`Tab never reached ${selector} (focus is on ${at})`);
}

/** Each tab's own DevTools session, on which its file choosers are intercepted (see `chooseWithKeyboard`). */
const sessions = new WeakMap<Page, CDPSession>();

/**
 * Choose `file` in the file field with the keyboard: Tab to it, Space opens the chooser, and the
 * file is set in it. Interception was turned on, and confirmed, when the tab was opened:
 * puppeteer's `waitForFileChooser` turns it on while the key press is already on its way
 * (puppeteer#6040), so on a busy machine a tab's first chooser could be missed.
 */
async function chooseWithKeyboard(page: Page, file: string): Promise<void> {
  const session = sessions.get(page);
  if (session === undefined) throw new Error('the tab was not opened with openPage');
  await tabTo(page, '#file');
  let timer: NodeJS.Timeout | undefined;
  const opened = new Promise<Protocol.Page.FileChooserOpenedEvent>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error('Space on the file field opened no file chooser in 60 s')), 60_000);
    session.once('Page.fileChooserOpened', resolve);
  });
  try {
    await page.keyboard.press('Space');
    const { backendNodeId } = await opened;
    if (backendNodeId === undefined) throw new Error('the file chooser that opened names no file field');
    await session.send('DOM.setFileInputFiles', { files: [file], backendNodeId });
  } finally {
    clearTimeout(timer);
  }
}

/** Tab to the button and press Enter; resolves once the report of `name` is shown. */
async function checkWithKeyboard(page: Page, name: string): Promise<void> {
  await tabTo(page, 'button[type="submit"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction((wanted) => document.getElementById('result-title')?.textContent === `Results for ${wanted}`, { timeout: 120_000 }, name);
}

/** The number of findings the report's summary line gives. */
async function findingsShown(page: Page): Promise<number> {
  const summary = await page.$eval('#result-summary', (element) => element.textContent ?? '');
  return Number(/: (\d+) findings?/.exec(summary)?.[1] ?? Number.NaN);
}

/** Download the link whose file name ends with `ending`, with the keyboard, into `folder`; resolves to the file. */
async function downloadWithKeyboard(page: Page, ending: string, folder: string): Promise<string> {
  await tabTo(page, `a[download$="${ending}"]`);
  const before = new Set(readdirSync(folder));
  await page.keyboard.press('Enter');
  const started = Date.now();
  for (;;) {
    const done = readdirSync(folder).filter((name) => !before.has(name) && name.endsWith(ending));
    if (done.length > 0) return path.join(folder, done[0] as string);
    if (Date.now() - started > 60_000) throw new Error(`no download ending ${ending} in ${folder}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Does the page scroll sideways? (It must not at 320 CSS pixels: WCAG 1.4.10.) */
const scrollsSideways = (page: Page): Promise<boolean> => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

it('has Chromium to test the page in', () => {
  expect(existsSync(CHROMIUM), chromiumMissing()).toBe(true);
});

describe('recruit-check serve in Chromium', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  const downloads = mkdtempSync(path.join(tmpdir(), 'recruit-check-serve-downloads-'));
  const scratch = mkdtempSync(path.join(tmpdir(), 'recruit-check-serve-office-'));
  const elsewhere: string[] = [];
  const refused: string[] = [];

  /** A fresh tab on the page, which records every request and every message of a refused resource. */
  async function openPage(javaScript = true): Promise<Page> {
    const tab = await browser.newPage();
    await tab.setJavaScriptEnabled(javaScript);
    await tab.setViewport({ width: 1100, height: 900 });
    tab.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${served.origin}/`) && !url.startsWith('data:')) elsewhere.push(url);
    });
    tab.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    const session = await tab.createCDPSession();
    await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    await session.send('Page.enable');
    await session.send('Page.setInterceptFileChooserDialog', { enabled: true });
    sessions.set(tab, session);
    await tab.goto(served.url, { waitUntil: 'load' });
    return tab;
  }

  beforeAll(async () => {
    soffice();
    mkdirSync(OUTPUT, { recursive: true });
    served = await startServe();
    browser = await launchChromium();
    page = await openPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('shows the empty page with no accessibility violations (axe-core: WCAG 2.0, 2.1 and 2.2 A and AA, best practice)', async () => {
    expect(await page.title()).toBe('Check a recruitment document: recruit-check');
    // The script has run: the drop area is shown.
    expect(await page.$eval('#drop', (element) => (element as HTMLElement).hidden)).toBe(false);
    const violations = await runAxe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.screenshot({ path: path.join(OUTPUT, 'serve-page.png'), fullPage: true });
  }, 60_000);

  it('shows where the focus is on everything the keyboard reaches', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const seen: string[] = [];
    // The skip link, the file, the text, the two lists and the button.
    for (let presses = 0; presses < 6; presses++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const style = getComputedStyle(element);
        return { what: `${element.tagName.toLowerCase()}#${element.id}`, outline: style.outlineStyle, width: style.outlineWidth };
      });
      seen.push(focus.what);
      expect(focus.outline, focus.what).not.toBe('none');
      expect(parseFloat(focus.width), focus.what).toBeGreaterThanOrEqual(2);
    }
    expect(seen).toEqual(['a#', 'input#file', 'textarea#text', 'select#type', 'select#profile', 'button#']);
  }, 60_000);

  it('checks a Word file with the keyboard alone, and the downloaded copy has one comment per finding in LibreOffice', async () => {
    await page.reload({ waitUntil: 'load' });
    await chooseWithKeyboard(page, fixture('fixtures/adverts/exclusionary.docx'));
    expect(await page.$eval('#chosen', (element) => element.textContent)).toBe('Chosen: exclusionary.docx');
    await checkWithKeyboard(page, 'exclusionary.docx');
    // The page stays where it is: focus moves to the results, and the live region says what was found.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('result-title');
    const findings = await findingsShown(page);
    expect(findings).toBeGreaterThan(10);
    expect(await page.$eval('#status', (element) => element.textContent)).toBe(`Checked exclusionary.docx: ${await page.$eval('#result-summary', (element) => /: (.*)\.$/.exec(element.textContent ?? '')?.[1] ?? '')}.`);
    expect(await page.$$eval('.finding-list > li', (items) => items.length)).toBe(findings);
    expect(await page.$$eval('mark.hl', (marks) => marks.length)).toBeGreaterThan(5);
    expect(await page.$$eval('.scorecard tbody tr', (rows) => rows.length)).toBe(5);
    const violations = await runAxe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.screenshot({ path: path.join(OUTPUT, 'serve-report.png') });

    const copy = await downloadWithKeyboard(page, '-reviewed.docx', downloads);
    expect(path.basename(copy)).toBe('exclusionary-reviewed.docx');
    const converted = path.join(scratch, 'fodt');
    await convertWithLibreOffice([copy], 'fodt', converted, scratch);
    const comments = annotationsIn(readFileSync(path.join(converted, 'exclusionary-reviewed.fodt'), 'utf8')).filter((annotation) => annotation.author === 'recruit-check');
    expect(comments).toHaveLength(findings);
  }, 300_000);

  it('checks a PDF with the keyboard alone, and downloads its report', async () => {
    await page.reload({ waitUntil: 'load' });
    await chooseWithKeyboard(page, fixture('fixtures/adverts/exclusionary.pdf'));
    await checkWithKeyboard(page, 'exclusionary.pdf');
    expect(await findingsShown(page)).toBeGreaterThan(10);
    const report = await downloadWithKeyboard(page, 'exclusionary-report.html', downloads);
    const html = readFileSync(report, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<h1>recruit-check report</h1>');
    expect(html).toContain('exclusionary.pdf');
  }, 180_000);

  it('checks pasted text with the keyboard alone, and downloads it with the safe fixes made', async () => {
    await page.reload({ waitUntil: 'load' });
    await tabTo(page, '#text');
    await page.keyboard.type('Support worker\n\nYou will utilise your skills to facilitate good care.');
    await checkWithKeyboard(page, 'pasted-text.txt');
    expect(await findingsShown(page)).toBeGreaterThan(3);
    const fixed = readFileSync(await downloadWithKeyboard(page, 'pasted-text-fixed.txt', downloads), 'utf8');
    expect(fixed).toContain('You will use your skills');
    expect(fixed).not.toContain('utilise');
  }, 180_000);

  it('checks a dropped file', async () => {
    await page.reload({ waitUntil: 'load' });
    const bytes = readFileSync(fixture('fixtures/adverts/healthcare-assistant-jargon.md'), 'utf8');
    await page.evaluate((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped-advert.md', { type: 'text/markdown' }));
      const drop = document.getElementById('drop') as HTMLElement;
      for (const type of ['dragenter', 'dragover', 'drop']) drop.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, bytes);
    expect(await page.$eval('#chosen', (element) => element.textContent)).toBe('Chosen: dropped-advert.md');
    await checkWithKeyboard(page, 'dropped-advert.md');
    expect(await findingsShown(page)).toBeGreaterThan(10);
  }, 180_000);

  it('works without JavaScript: the form posts, and the answer is the page with the report', async () => {
    const plain = await openPage(false);
    try {
      expect(await plain.$eval('#drop', (element) => (element as HTMLElement).hidden)).toBe(true);
      await chooseWithKeyboard(plain, fixture('fixtures/adverts/exclusionary.docx'));
      await tabTo(plain, 'button[type="submit"]');
      await Promise.all([plain.waitForNavigation({ timeout: 120_000 }), plain.keyboard.press('Enter')]);
      expect(await plain.$eval('#result-title', (element) => element.textContent)).toBe('Results for exclusionary.docx');
      expect(await findingsShown(plain)).toBeGreaterThan(10);
      expect(await plain.$$eval('a[download]', (links) => links.map((link) => link.getAttribute('download')))).toEqual(['exclusionary-report.html', 'exclusionary-report.json', 'exclusionary-reviewed.docx']);
    } finally {
      await plain.close();
    }
  }, 180_000);

  it('reflows at 400% zoom (320 CSS pixels wide) with nothing to scroll sideways', async () => {
    const narrow = await openPage();
    try {
      await narrow.setViewport({ width: 320, height: 640 });
      expect(await scrollsSideways(narrow)).toBe(false);
      await chooseWithKeyboard(narrow, fixture('fixtures/adverts/exclusionary.docx'));
      await checkWithKeyboard(narrow, 'exclusionary.docx');
      expect(await scrollsSideways(narrow)).toBe(false);
      await narrow.screenshot({ path: path.join(OUTPUT, 'serve-400-percent.png') });
    } finally {
      await narrow.close();
    }
  }, 180_000);

  it('keeps its borders and focus in forced colours (Windows high contrast)', async () => {
    await page.reload({ waitUntil: 'load' });
    // Puppeteer's emulateMediaFeatures does not know forced-colors; Chromium's DevTools protocol does.
    const session = await page.createCDPSession();
    await session.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
    try {
      expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
      await tabTo(page, 'button[type="submit"]');
      const style = await page.evaluate(() => {
        const computed = getComputedStyle(document.activeElement as HTMLElement);
        return { outline: computed.outlineStyle, border: computed.borderTopStyle };
      });
      expect(style.outline).not.toBe('none');
      expect(style.border).toBe('solid');
      await page.screenshot({ path: path.join(OUTPUT, 'serve-forced-colors.png') });
    } finally {
      await session.send('Emulation.setEmulatedMedia', { features: [] });
      await session.detach();
    }
  }, 60_000);

  it('asked for nothing from anywhere but the server, and broke none of its own policy', () => {
    expect(elsewhere).toEqual([]);
    expect(refused).toEqual([]);
  });
});
