/**
 * The page of `recruit-check serve`: a form to choose, drop or paste a document, and under it the
 * co-review report of the last one checked — the same part of the page as the HTML report gives
 * each file (summary, what to fix first, the I.D.E.A.S. scorecard, the text with every finding
 * marked in place, the findings with why they matter, who they affect and the fix) — with links
 * to download the report, the JSON, the annotated Word copy and the fixed text.
 *
 * Everything from a document, and its name, is untrusted: it goes through the report's escaping.
 * The page's own words are plain English, and recruit-check checks them (see the tests).
 */
import { DOC_TYPE_NAMES, DOC_TYPES, type DocType } from '../engine/doc-type.js';
import type { Profile } from '../engine/options.js';
import { capitalised, html as safe, htmlFile, type HtmlOptions } from '../report/html.js';
import { findingCount } from '../report/labels.js';
import type { FileResult } from '../types.js';

/** What the person chose: the kind of document (or let recruit-check work it out) and the profile. */
export interface Choice {
  readonly type: DocType | 'auto';
  readonly profile: Profile;
}

export const DEFAULT_CHOICE: Choice = { type: 'auto', profile: 'standard' };

/** A file to download from the page: its name, media type and bytes. */
export interface Download {
  readonly label: string;
  readonly name: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

/** What the page shows under the form. */
export type Shown =
  | { readonly kind: 'nothing' }
  | { readonly kind: 'problem'; readonly message: string }
  | { readonly kind: 'result'; readonly result: FileResult; readonly downloads: readonly Download[]; readonly report: HtmlOptions };

/** Everything the page is made from. */
export interface PageState {
  /** The per-run key, carried by the form so that only this page can ask for a check. */
  readonly key: string;
  readonly choice: Choice;
  /** Text pasted last time, shown again so that it can be changed and checked again. */
  readonly pasted: string;
  readonly shown: Shown;
}

const PROFILE_NAMES: Readonly<Record<Profile, string>> = {
  standard: 'Standard: GOV.UK reading level',
  nhs: 'NHS: NHS service manual reading level',
  'easy-read': 'Easy Read: the shortest words and sentences',
};


function option(value: string, label: string, selected: boolean): string {
  return `<option value="${safe(value)}"${selected ? ' selected' : ''}>${safe(label)}</option>`;
}

/** The form: a file, or pasted text; the kind of document; the profile. */
function form(state: PageState): string {
  const types = [option('auto', 'Let recruit-check work it out', state.choice.type === 'auto'), ...DOC_TYPES.map((type) => option(type, capitalised(DOC_TYPE_NAMES[type]), state.choice.type === type))];
  const profiles = (Object.keys(PROFILE_NAMES) as Profile[]).map((profile) => option(profile, PROFILE_NAMES[profile], state.choice.profile === profile));
  return [
    '<form id="check-form" method="post" action="/check" enctype="multipart/form-data">',
    `<input type="hidden" name="key" value="${safe(state.key)}">`,
    '<fieldset>',
    '<legend>Your document</legend>',
    '<label for="file">Choose a file</label>',
    '<p class="field-hint" id="file-hint">A Word file (.docx), a PDF, a web page (.html), Markdown (.md) or a text file (.txt).</p>',
    '<input type="file" id="file" name="file" accept=".docx,.pdf,.html,.htm,.md,.markdown,.txt" aria-describedby="file-hint">',
    '<div class="drop" id="drop" hidden>Or drop a file here.</div>',
    '<p class="chosen" id="chosen" aria-live="polite"></p>',
    '<label for="text">Or paste the text</label>',
    '<p class="field-hint" id="text-hint">If you choose a file, the pasted text is not checked.</p>',
    `<textarea id="text" name="text" rows="10" aria-describedby="text-hint">${safe(state.pasted)}</textarea>`,
    '</fieldset>',
    '<label for="type">Kind of document</label>',
    '<p class="field-hint" id="type-hint">This decides what the document must tell people, such as the pay and the closing date.</p>',
    `<select id="type" name="type" aria-describedby="type-hint">${types.join('')}</select>`,
    '<label for="profile">Reading level to check against</label>',
    `<select id="profile" name="profile">${profiles.join('')}</select>`,
    '<div><button type="submit">Check the document</button></div>',
    '</form>',
  ].join('\n');
}

/** A download as a link that holds its bytes, so nothing has to be kept on the server for it. */
function downloadLink(download: Download): string {
  const href = `data:${download.mediaType};base64,${Buffer.from(download.bytes).toString('base64')}`;
  return `<li><a href="${href}" download="${safe(download.name)}">${safe(download.label)}</a></li>`;
}

/** The one-line summary the live region reads out when a check ends. */
function resultSummary(result: FileResult): string {
  if (result.error) return `${result.path} could not be checked.`;
  return `Checked ${result.path}: ${findingCount(result.findings)}.`;
}

/** What is under the form: nothing yet, a problem with what was sent, or the report. */
function shownSection(shown: Shown): string {
  const open = '<section id="result" aria-labelledby="result-title">';
  if (shown.kind === 'nothing') return `${open}\n<h2 id="result-title" tabindex="-1" class="vh">Results</h2>\n<p id="result-summary" class="vh">No document checked yet.</p>\n</section>`;
  if (shown.kind === 'problem') {
    return [open, '<h2 id="result-title" tabindex="-1">The document could not be checked</h2>', `<p class="problem" id="result-summary">${safe(shown.message)}</p>`, '</section>'].join('\n');
  }
  const { result, downloads, report } = shown;
  const heading = result.error ? 'The document could not be checked' : `Results for ${result.path}`;
  const parts = [open, `<h2 id="result-title" tabindex="-1">${safe(heading)}</h2>`, `<p id="result-summary">${safe(resultSummary(result))}</p>`];
  if (result.error) parts.push(`<p class="problem">${safe(result.error.message)}</p>`);
  else {
    parts.push(`<p>To check it as another kind of document, <a href="#type">choose the kind of document</a> and check it again.</p>`);
    if (downloads.length > 0) parts.push('<h3 id="downloads-title">Download</h3>', `<ul class="downloads" aria-labelledby="downloads-title">\n${downloads.map(downloadLink).join('\n')}\n</ul>`);
    parts.push(htmlFile(result, 1, report).trimEnd());
  }
  parts.push('</section>');
  return parts.join('\n');
}

/** The start of a page, to its `</head>`: its styles, and its script when `script`. */
function pageHead(title: string, script: boolean): string[] {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="same-origin">',
    `<title>${safe(title)}</title>`,
    '<link rel="stylesheet" href="/assets/page.css">',
    ...(script ? ['<script src="/assets/page.js" defer></script>'] : []),
    '</head>',
  ];
}

/** The whole page. */
export function renderPage(state: PageState): string {
  const title = state.shown.kind === 'result' ? `${state.shown.result.path}: recruit-check` : 'Check a recruitment document: recruit-check';
  return [
    ...pageHead(title, true),
    '<body>',
    `<a class="skip" href="#${state.shown.kind === 'nothing' ? 'check-form' : 'result-title'}">Skip to the ${state.shown.kind === 'nothing' ? 'form' : 'results'}</a>`,
    '<header>',
    '<h1>Check a recruitment document</h1>',
    '<p>Find the words and gaps that stop people from applying for health and care jobs, and how to fix them. You can check a job advert, a job description, a person specification or a letter inviting someone to an interview.</p>',
    '<p class="private">Your document stays on this computer. It is not sent anywhere or kept: close this page and it is gone.</p>',
    '</header>',
    '<main id="main">',
    form(state),
    '<p id="status" role="status" class="status"></p>',
    shownSection(state.shown),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A short page that says why a request was refused (a wrong address, key or origin). */
export function refusalPage(heading: string, message: string): string {
  return [
    ...pageHead(`${heading}: recruit-check`, false),
    '<body>',
    '<main id="main">',
    `<h1>${safe(heading)}</h1>`,
    `<p>${safe(message)}</p>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
