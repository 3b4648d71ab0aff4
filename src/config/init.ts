/** `recruit-check init`: a starter config with every setting explained, ready to edit. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../atomic.js';
import { defaultsText } from '../engine/settings.js';
import { CONFIG_FILES, OPTION_SPECS, PACKAGE_KEY } from './config.js';

/** The file `init` writes. */
export const STARTER_FILE = '.recruit-checkrc.yaml';

/** The starter config: every key, commented out where a default is usually right. */
export function starterConfig(): string {
  const options = OPTION_SPECS.map((spec) => `  # ${`${spec.name}: ${spec.defaults.standard}`.padEnd(30)} # ${spec.description} (default ${defaultsText(spec)})`).join('\n');
  return `# recruit-check configuration. recruit-check uses the nearest config above each file it
# checks (.recruit-checkrc.json, .recruit-checkrc.yaml or a "recruit-check" key in package.json);
# \`--config <file>\` names one for every file and \`--no-config\` uses none. Options given on the
# command line win over this file. Paths and patterns are relative to this file's folder.

# Thresholds: standard (GOV.UK guidance), nhs (NHS service manual) or easy-read.
profile: standard

# Individual thresholds, on top of the profile. Uncomment to change one.
options:
${options}

# Rules by id (\`recruit-check rules\` lists them): error, warning, info or off. \`pack/*\` sets
# every rule of a pack; a rule named on its own wins over its pack.
rules:
  # plain-language/acronym-not-expanded: warning
  # formatting/*: off

# Document types by file pattern (advert, job-description, person-specification or
# interview-invitation); the first match wins. Without one, the title and headings decide.
types:
  # "letters/**": interview-invitation
  # "**/*-person-spec.*": person-specification

# Employers by file pattern, for \`recruit-check audit --group-by employer\`; the first match
# wins. Without one, an "Employer:" field in the document names it, or else its folder.
employers:
  # "trusts/north/**": North London NHS Trust

# Your organisation's own rule packs (YAML; see docs/rule-packs.md in recruit-check).
packs: []
  # - recruit-check/our-jargon.yml

# Phrases never reported, whatever the rule (compared without case; each suppressed finding is
# still listed, with this file as the reason, in the JSON report).
allow: []
  # - Band 5

# Acronyms your readers know, which need no spelling out.
acronyms: []
  # - NHS

# Files never checked.
ignore: []
  # - "drafts/**"
`;
}

/** Write the starter config in `folder`: refused when a config is there already, unless `force`. */
export function writeStarterConfig(folder: string, force: boolean): { ok: true; file: string } | { ok: false; message: string } {
  const file = path.join(folder, STARTER_FILE);
  const existing = CONFIG_FILES.find((name) => {
    const candidate = path.join(folder, name);
    return existsSync(candidate) && (name !== 'package.json' || hasPackageKey(candidate));
  });
  if (existing && !(existing === STARTER_FILE && force)) {
    const where = existing === 'package.json' ? `package.json (its "${PACKAGE_KEY}" key)` : existing;
    const what = existing === STARTER_FILE ? 'edit it, or run `recruit-check init --force` to replace it' : 'edit it, or remove it first (it would be used instead of a new one)';
    return { ok: false, message: `${where}: there is a config here already — ${what}` };
  }
  try {
    writeFileAtomic(file, starterConfig());
  } catch (error) {
    return { ok: false, message: `${STARTER_FILE}: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}) — check you may write in this folder` };
  }
  return { ok: true, file: STARTER_FILE };
}

function hasPackageKey(file: string): boolean {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    return typeof value === 'object' && value !== null && PACKAGE_KEY in value;
  } catch {
    return false;
  }
}
