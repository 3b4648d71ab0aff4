/**
 * Helpers for the tests that open Word files in LibreOffice (Debian's libreoffice-writer-nogui):
 * finding the program, converting files, and reading the comments ("annotations") of the flat
 * ODF text it writes, with the text each one is anchored to.
 */
import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { attr, child, childrenNamed, isElement, parseXml, type XmlElement } from '../src/load/xml.js';

/** The text nodes directly inside an element. */
export function ownText(element: XmlElement | null): string {
  return (element?.children ?? []).map((node) => ('text' in node ? node.text : '')).join('');
}

const INSTALL = 'apt-get update && apt-get install -y libreoffice-writer-nogui';

/** The LibreOffice command, or a failure that says how to install it. */
export function soffice(): string {
  for (const command of [process.env.SOFFICE, 'soffice', 'libreoffice']) {
    if (!command) continue;
    try {
      execFileSync(command, ['--version'], { stdio: 'pipe', timeout: 60_000 });
      return command;
    } catch {
      // try the next name
    }
  }
  throw new Error(`LibreOffice is needed for this test, but soffice was not found. Install it with \`${INSTALL}\` (or set SOFFICE to its path).`);
}

export interface Annotation {
  readonly author: string;
  readonly date: string;
  readonly text: string;
  anchor: string;
  closed: boolean;
}

const TEXT_CONTAINERS = new Set(['text:p', 'text:h', 'text:span', 'text:a']);

/** The text of ODF content: text nodes in paragraphs and spans, and spaces, tabs and line breaks. */
function odfText(element: XmlElement, add: (text: string) => void): void {
  for (const node of element.children) {
    if (!isElement(node)) {
      if (TEXT_CONTAINERS.has(element.name)) add(node.text);
      continue;
    }
    if (node.name === 'text:s') add(' '.repeat(Number(attr(node, 'text:c') ?? '1')));
    else if (node.name === 'text:tab') add('\t');
    else if (node.name === 'text:line-break') add('\n');
    else if (node.name !== 'office:annotation') odfText(node, add);
  }
}

/** Every annotation of a flat ODF text document, with the text between it and its end. */
export function annotationsIn(fodt: string): Annotation[] {
  const found: Annotation[] = [];
  const open = new Map<string, Annotation>();
  const visit = (element: XmlElement): void => {
    for (const node of element.children) {
      if (!isElement(node)) {
        if (TEXT_CONTAINERS.has(element.name)) for (const annotation of open.values()) annotation.anchor += node.text;
        continue;
      }
      if (node.name === 'office:annotation') {
        const paragraphs = childrenNamed(node, 'text:p').map((paragraph) => {
          let text = '';
          odfText(paragraph, (part) => (text += part));
          return text;
        });
        const annotation: Annotation = {
          author: ownText(child(node, 'dc:creator')),
          date: ownText(child(node, 'dc:date')),
          text: paragraphs.join('\n'),
          anchor: '',
          closed: false,
        };
        found.push(annotation);
        open.set(attr(node, 'office:name') ?? `unnamed-${found.length}`, annotation);
      } else if (node.name === 'office:annotation-end') {
        const name = attr(node, 'office:name') ?? '';
        const annotation = open.get(name);
        if (annotation) annotation.closed = true;
        open.delete(name);
      } else if (node.name === 'text:s' || node.name === 'text:tab' || node.name === 'text:line-break') {
        odfText({ name: 'text:p', attributes: {}, children: [node] }, (text) => {
          for (const annotation of open.values()) annotation.anchor += text;
        });
      } else {
        visit(node);
      }
    }
  };
  visit(parseXml(fodt));
  // An annotation with no end marks a point, not a range.
  for (const annotation of found) if (!annotation.closed) annotation.anchor = '';
  return found;
}


/** Convert `files` to `format` (fodt, pdf…) into `output`, with a LibreOffice profile of its own under `scratch`. */
export async function convertWithLibreOffice(files: readonly string[], format: string, output: string, scratch: string): Promise<void> {
  const profile = `file://${path.join(scratch, 'libreoffice-profile')}`;
  await promisify(execFile)(soffice(), [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', format, '--outdir', output, ...files], { timeout: 240_000 });
}
