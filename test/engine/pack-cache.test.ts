/** The build's cache of the bundled packs gives exactly the rules the YAML gives, and only for that YAML. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packsHash, readCachedDefinitions, writeCachedDefinitions } from '../../src/packs/cache.js';
import { bundledPackSources, parseBundledPacks } from '../../src/ruleset.js';

describe('pack cache', () => {
  const sources = bundledPackSources();
  const definitions = parseBundledPacks(sources);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'recruit-check-cache-')), 'packs-cache.json');
  writeCachedDefinitions(packsHash(sources), definitions, file);

  it('reads back the same definitions, regular expressions included', () => {
    const cached = readCachedDefinitions(packsHash(sources), file);
    expect(cached).toEqual(definitions);
    const regexps = (value: unknown): string[] =>
      value instanceof RegExp ? [`/${value.source}/${value.flags}`] : value && typeof value === 'object' ? Object.values(value).flatMap(regexps) : [];
    expect(regexps(cached).length).toBeGreaterThan(50);
    expect(regexps(cached)).toEqual(regexps(definitions));
  });

  it('is ignored when a pack has changed since the build, or is missing', () => {
    const edited = sources.map((source, index) => (index === 0 ? { ...source, text: `${source.text}\n# edited\n` } : source));
    expect(readCachedDefinitions(packsHash(edited), file)).toBeNull();
    expect(readCachedDefinitions(packsHash(sources), `${file}.missing`)).toBeNull();
  });
});
