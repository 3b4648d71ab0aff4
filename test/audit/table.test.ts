/**
 * The audit's compact table of documents: every row comes back exactly as it was added, whatever
 * its path holds, however many rows there are, with the names that repeat kept once.
 */
import { describe, expect, it } from 'vitest';
import { DocumentTable, type DocumentRow } from '../../src/audit/table.js';

const row = (n: number, changes: Partial<DocumentRow> = {}): DocumentRow => ({
  path: `adverts/trust-${n % 7}/advert-${n}.html`,
  group: `adverts/trust-${n % 7}`,
  folder: `adverts/trust-${n % 7}`,
  employer: n % 3 === 0 ? null : `Employer ${n % 5}`,
  type: n % 4 === 0 ? 'job description' : 'job advert',
  format: n % 2 === 0 ? 'html' : 'docx',
  errors: n % 11,
  warnings: (n * 7) % 23,
  info: n % 3,
  readingAge: n % 6 === 0 ? null : 9 + (n % 90) / 10,
  missing: n % 5 === 0 ? [] : n % 5 === 1 ? ['pay in pounds'] : ['pay in pounds', 'closing date with day and time'],
  error: null,
  ...changes,
});

describe('the table of documents', () => {
  it('gives back thousands of rows exactly, in order, past every growth of its buffers', () => {
    const table = new DocumentTable();
    const rows = Array.from({ length: 5000 }, (_, n) => row(n));
    for (const each of rows) table.add(each);
    expect(table.length).toBe(5000);
    expect([...table]).toEqual(rows);
    expect(table.row(4321)).toEqual(rows[4321]);
  });

  it('keeps any path exactly: accents, right-to-left, emoji, a lone surrogate, an empty one, a long one', () => {
    const paths = ['Offres/Infirmière – été.docx', 'وظائف/إعلان.md', 'adverts/🧑‍⚕️ nurse.pdf', 'odd/\uD800name.md', '', `${'deep/'.repeat(800)}advert.md`];
    const table = new DocumentTable();
    for (const [n, path] of paths.entries()) table.add(row(n, { path }));
    expect([...table].map((each) => each.path)).toEqual(paths);
  });

  it('gives the files that could not be read, in order, with their reasons', () => {
    const table = new DocumentTable();
    const unreadable = (n: number): DocumentRow => row(n, { type: null, errors: 0, warnings: 0, info: 0, readingAge: null, missing: [], error: { code: 'unreadable', message: `advert-${n}.html: cannot be read` } });
    for (let n = 0; n < 20; n++) table.add(n % 6 === 2 ? unreadable(n) : row(n));
    expect([...table.unreadable()]).toEqual([unreadable(2), unreadable(8), unreadable(14)]);
    expect([...table].filter((each) => each.error !== null)).toEqual([...table.unreadable()]);
  });

  it('gives the rows with the most errors first, then the most warnings, then by path', () => {
    const table = new DocumentTable();
    const rows = Array.from({ length: 3000 }, (_, n) => row(n, { path: `adverts/${(n * 7919) % 3001}.html` }));
    for (const each of rows) table.add(each);
    const expected = [...rows].sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    expect([...table.worstFirst()]).toEqual(expected);
    expect([...new DocumentTable().worstFirst()]).toEqual([]);
  });

  it('keeps a reading age of 0 and a count of 0 apart from none', () => {
    const table = new DocumentTable();
    table.add(row(1, { readingAge: 0, errors: 0 }));
    table.add(row(2, { readingAge: null }));
    expect(table.row(0).readingAge).toBe(0);
    expect(table.row(0).errors).toBe(0);
    expect(table.row(1).readingAge).toBeNull();
  });
});
