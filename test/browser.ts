/// <reference lib="dom" />
/**
 * Helpers for the tests that open what people see in a real browser: headless Chromium from
 * Debian's `chromium` package (or `CHROMIUM_PATH`), driven by puppeteer-core, with axe-core for
 * accessibility. Without Chromium the tests fail and say how to install it.
 */
import { existsSync } from 'node:fs';
import axe from 'axe-core';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** Where Chromium is: Debian's `chromium` package, or `CHROMIUM_PATH`. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** The WCAG 2.0, 2.1 and 2.2 A and AA rules, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** What to do when Chromium is missing. */
export function chromiumMissing(): string {
  return [
    `Chromium was not found at ${CHROMIUM}: these tests open pages in a real browser.`,
    'Install it with:  apt-get update && apt-get install -y chromium',
    '(or set CHROMIUM_PATH to a Chromium or Chrome binary).',
  ].join('\n');
}

/** Start headless Chromium, with a generous timeout: on a busy 2-core machine it can take longer than puppeteer's 30 s. */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(chromiumMissing());
  return puppeteer.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless=new'], timeout: 150_000 });
}

/** axe's violations, one readable paragraph each. */
export function describeViolations(violations: readonly axe.Result[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes.map((node) => `    ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`).join('\n');
      return `${violation.id} (${violation.impact ?? 'no impact'}): ${violation.help}\n  ${violation.helpUrl}\n${nodes}`;
    })
    .join('\n\n');
}

/** Run axe-core in the page, with the WCAG A and AA tags and best practice (the page must allow the script: see setBypassCSP). */
export async function runAxe(page: Page): Promise<axe.Result[]> {
  await page.evaluate(axe.source);
  return page.evaluate(async (tags: string[]) => {
    const results = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return JSON.parse(JSON.stringify(results.violations)) as axe.Result[];
  }, AXE_TAGS);
}

declare global {
  interface Window {
    axe: typeof axe;
  }
}
