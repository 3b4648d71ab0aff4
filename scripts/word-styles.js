/**
 * The Word numbering and heading styles the fixture and evaluation generators share: bullets and
 * numbered lists, and heading styles with an outline level, as Word's own have — LibreOffice tags
 * a paragraph as H1–H6 in a PDF only when its style has one.
 */
import { AlignmentType, LevelFormat } from 'docx';

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
