/** Reporting a finding about a table: at its first cell when it has text, else at its place. */
import type { TableInfo } from '../document/model.js';
import type { RuleContext } from '../engine/rule.js';

/** Report `messageId` for `table`. */
export function reportTable(context: RuleContext, table: TableInfo, messageId: string): void {
  const block = table.firstBlock >= 0 ? context.doc.blocks[table.firstBlock] : undefined;
  if (block) context.report({ block, start: 0, end: 0, place: table.place, actual: null, messageId });
  else context.report({ place: table.place, messageId });
}
