/**
 * What the fixture and evaluation generators share for Word files: bullets and numbered lists,
 * heading styles with an outline level, as Word's own have (LibreOffice tags a paragraph as H1–H6
 * in a PDF only when its style has one), and writing a file that changes only with its content.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AlignmentType, LevelFormat, Packer } from 'docx';
import JSZip from 'jszip';

/** Bulleted (`bullets`) and numbered (`numbers`) lists. */
export const numbering = {
  config: [
    { reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }] },
    { reference: 'numbers', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }] },
  ],
};

/** Heading 1–6 styles with outline levels, in these sizes (half-points). */
export function headingStyles(sizes) {
  return sizes.map((size, level) => ({
    id: `Heading${level + 1}`,
    name: `Heading ${level + 1}`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { bold: true, size },
    paragraph: { outlineLevel: level, spacing: { before: 240, after: 120 } },
  }));
}

/** Write `document` to `file` with every date set to `created`, so the file changes only when its content does. */
export async function writeDocx(document, file, created, root) {
  mkdirSync(path.dirname(file), { recursive: true });
  const buffer = await Packer.toBuffer(document);
  const zip = await JSZip.loadAsync(buffer);
  const core = await zip.file('docProps/core.xml')?.async('string');
  if (core) zip.file('docProps/core.xml', core.replace(/<dcterms:(created|modified)([^>]*)>[^<]*</g, `<dcterms:$1$2>${created.toISOString().replace(/\.\d+Z$/, 'Z')}<`));
  for (const entry of Object.values(zip.files)) entry.date = created;
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  console.log('wrote', path.relative(root, file));
}
