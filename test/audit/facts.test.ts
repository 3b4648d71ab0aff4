/** The employer an advert names, as job boards and Word adverts print it, for `audit --group-by employer`. */
import { describe, expect, it } from 'vitest';
import { employerOf } from '../../src/audit/facts.js';
import { formatForPath, loadBuffer } from '../../src/load/read.js';

async function employerIn(text: string, name: string): Promise<string | null> {
  const loaded = await loadBuffer(Buffer.from(text), name, formatForPath(name));
  if (!loaded.ok) throw new Error(loaded.error.message);
  return employerOf(loaded.doc);
}

describe('employerOf', () => {
  it('reads an “Employer:” line, in any of the labels adverts use', async () => {
    expect(await employerIn('# Support worker\n\nEmployer: Lewisham and Greenwich NHS Trust\n\nSalary: £24,000 a year\n', 'a.md')).toBe('Lewisham and Greenwich NHS Trust');
    expect(await employerIn('# Nurse\n\nOrganisation: Oxleas NHS Foundation Trust.\n', 'a.md')).toBe('Oxleas NHS Foundation Trust');
    expect(await employerIn('Care assistant\n\nEmployer name : Bromley Healthcare\nLocation: Bromley\n', 'a.txt')).toBe('Bromley Healthcare');
  });

  it('reads a job board’s definition list and a key-fields table', async () => {
    expect(await employerIn('<html><body><h1>Porter</h1><dl><dt>Employer</dt><dd>Guy\'s and St Thomas\' NHS Foundation Trust</dd><dt>Band</dt><dd>Band 2</dd></dl></body></html>', 'a.html')).toBe("Guy's and St Thomas' NHS Foundation Trust");
    expect(await employerIn('# Porter\n\n| Field | Value |\n|---|---|\n| Employer | King\'s College Hospital NHS Foundation Trust |\n| Band | 2 |\n', 'a.md')).toBe("King's College Hospital NHS Foundation Trust");
  });

  it('finds none where no field names one', async () => {
    expect(await employerIn('# Support worker\n\nYou will support people at home. Our employer brand matters.\n', 'a.md')).toBeNull();
    // A heading “Employer” over a paragraph of prose is not a field.
    expect(await employerIn('# Job\n\n## Employer\n\nWe are a friendly team in south east London, and we care about our staff.\n', 'a.md')).toBeNull();
    expect(await employerIn('<html><body><dl><dt>Employer</dt><dd>We are a friendly team who look after people in their own homes across the borough.</dd></dl></body></html>', 'a.html')).toBeNull();
  });
});
