/**
 * Bookkeeping every loader needs while it builds a document: the heading path each block sits
 * under, and the lists that consecutive list items make.
 */
import type { ListInfo, ListRef, SourcePlace } from './model.js';

/** The headings above the current point of a document. */
export class SectionTracker {
  private readonly headings: { depth: number; text: string }[] = [];

  /** A heading starts a section: it closes sections at its level or deeper. */
  enter(depth: number, text: string): void {
    while (this.headings.length > 0 && (this.headings.at(-1)?.depth ?? 0) >= depth) this.headings.pop();
    if (text !== '') this.headings.push({ depth, text });
  }

  /** Texts of the headings above, outermost first. */
  path(): string[] {
    return this.headings.map((heading) => heading.text);
  }
}

/** Groups list items into lists as they come, in order. */
export class ListTracker {
  readonly lists: ListInfo[] = [];
  private open: { id: number; items: number; ordered: boolean } | null = null;

  /** A list item: it joins the open list, or starts one (also when bullets change to numbers). */
  item(ordered: boolean, firstBlock: number, depth = 0): ListRef {
    if (this.open && this.open.ordered !== ordered) this.close();
    if (!this.open) {
      this.open = { id: this.lists.length, items: 0, ordered };
      this.lists.push({ id: this.open.id, ordered, depth, items: 0, firstBlock });
    }
    return { id: this.open.id, item: this.open.items++ };
  }

  /** Anything but a list item ends the open list. */
  close(): void {
    if (!this.open) return;
    const info = this.lists[this.open.id];
    if (info) this.lists[this.open.id] = { ...info, items: this.open.items };
    this.open = null;
  }
}

/** A place that is a whole page of a PDF. */
export function pagePlace(page: number | null): SourcePlace {
  return { line: null, column: null, endLine: null, endColumn: null, page, paragraph: null };
}

/** A place that is a whole paragraph of a Word document. */
export function paragraphPlace(paragraph: number): SourcePlace {
  return { line: null, column: null, endLine: null, endColumn: null, page: null, paragraph };
}
