#!/usr/bin/env node
// Part of `npm run build`: validate the bundled rule packs once and cache their definitions in
// dist/engine/packs-cache.json, and the rules' data files in dist/engine/data-cache.json, so a run
// does not parse the YAML again (see src/packs/cache.ts and src/packs/data.ts).
import { writeDataCache } from '../dist/packs/data.js';
import { packsHash, writeCachedDefinitions } from '../dist/packs/cache.js';
import { bundledPackSources, parseBundledPacks } from '../dist/ruleset.js';

const sources = bundledPackSources();
writeCachedDefinitions(packsHash(sources), parseBundledPacks(sources));
writeDataCache();
