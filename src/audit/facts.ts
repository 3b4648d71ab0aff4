/**
 * What `recruit-check audit` needs from a document besides its findings, worked out where the
 * document is read (in the worker): the required topics with the rules that check them, and the
 * employer an “Employer:” field names — as job boards print it (“Employer: King's College
 * Hospital NHS Foundation Trust”), in a paragraph, a list item, a definition list or a two-column
 * key-fields table.
 */
import type { DocModel } from '../document/model.js';
import type { DocumentResult } from '../engine/engine.js';
import type { AuditFacts } from '../types.js';

/** The labels job boards and adverts give the employer. */
const LABEL = /^(?:employer|employer name|employing organisation|organisation|organization|trust|hiring organisation)$/i;

/** “Employer: name” on one line. */
const FIELD = /^\s*(employer|employer name|employing organisation|organisation|organization|trust|hiring organisation)\s*[:：]\s*(\S[^\n]{0,150}?)\s*$/im;

/** A name as it is shown: spaces collapsed, a full stop at the end dropped. */
function cleaned(name: string): string | null {
  const text = name.replace(/\s+/g, ' ').replace(/[.;,]$/, '').trim();
  return text.length >= 2 && text.length <= 150 ? text : null;
}

/** The employer an “Employer:” field of `doc` names, or null. */
export function employerOf(doc: DocModel): string | null {
  for (const block of doc.blocks) {
    const field = FIELD.exec(block.text);
    if (field) {
      const name = cleaned(field[2] ?? '');
      if (name) return name;
    }
    if (!LABEL.test(block.text.trim().replace(/[:：]$/, ''))) continue;
    const next = doc.blocks[block.index + 1];
    const cell = block.cell;
    // A key-fields table: the label in one cell, the name in the next cell of the row.
    if (cell) {
      if (next?.cell && next.cell.table === cell.table && next.cell.row === cell.row && next.cell.column === cell.column + 1) {
        const name = cleaned(next.text);
        if (name) return name;
      }
      continue;
    }
    // A definition list (<dt>Employer</dt><dd>…</dd>): the label alone, then the name, not a sentence.
    if (next && next.kind === 'paragraph' && next.cell === null && !/[.!?]$/.test(next.text.trim()) && next.text.trim().split(/\s+/).length <= 12) {
      const name = cleaned(next.text);
      if (name) return name;
    }
  }
  return null;
}

/** The audit facts of a checked document; `configEmployer` (from the config's `employers`) wins over the document's field. */
export function auditFacts(doc: DocModel, result: DocumentResult, configEmployer: string | null): AuditFacts {
  return {
    topics: result.topics.map(({ ruleId, topic, pillar, present }) => ({ ruleId, topic, pillar, present })),
    employer: configEmployer ?? employerOf(doc),
  };
}
