#!/usr/bin/env node
// Part of `npm run build`: validate the bundled rule packs once and cache their definitions in
// dist/engine/packs-cache.json, and the rules' data files in dist/engine/data-cache.json, so a run
// does not parse the YAML again (see src/engine/pack-cache.ts and src/engine/data-files.ts).
import { writeDataCache } from '../dist/engine/data-files.js';
import { packsHash, writeCachedDefinitions } from '../dist/engine/pack-cache.js';
import { bundledPackSources, parseBundledPacks } from '../dist/engine/registry.js';

const sources = bundledPackSources();
writeCachedDefinitions(packsHash(sources), parseBundledPacks(sources));
writeDataCache();
