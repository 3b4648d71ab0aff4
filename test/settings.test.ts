/**
 * One table of settings (issue 13, point 6): the profiles, the config's validation, the starter
 * config, `--help` and the README all come from src/engine/settings.ts.
 */
import { describe, expect, it } from 'vitest';
import { starterConfig } from '../src/config/init.js';
import { validateConfig } from '../src/config/config.js';
import { normaliseOptions } from '../src/engine/options.js';
import { defaultsText, PROFILES, SETTINGS } from '../src/engine/settings.js';
import { formatSettingsTable } from '../src/docs/readme.js';
import { runCli } from './run-cli.js';

describe('the table of settings', () => {
  it('is what each profile uses', () => {
    for (const profile of PROFILES) {
      const options = normaliseOptions({ profile });
      for (const setting of SETTINGS) expect(options[setting.name], `${profile} ${setting.name}`).toBe(setting.defaults[profile]);
    }
  });

  it('is what the config checks against, naming the range and the defaults', () => {
    const readingAge = SETTINGS.find((setting) => setting.name === 'readingAge')!;
    expect(() => validateConfig({ options: { readingAge: 40 } }, 'rc.json', (keys) => keys.join('.'))).toThrow(
      `options.readingAge: is 40; it must be a number from 5 to 25 (${readingAge.description}; default 14; nhs 11; easy-read 9)`,
    );
  });

  it('is what the starter config lists', () => {
    const starter = starterConfig();
    for (const setting of SETTINGS) expect(starter).toContain(`# ${`${setting.name}: ${setting.defaults.standard}`.padEnd(30)} # ${setting.description} (default ${defaultsText(setting)})`);
  });

  it('is what --help says for --reading-age', () => {
    expect(runCli(['--help']).stdout.replace(/\s+/g, ' ')).toContain('--reading-age <age> target reading age for hard sentences and the whole document (default: 14; nhs 11; easy-read 9)');
  });

  it('has one row for each setting in the README table', () => {
    expect(formatSettingsTable().split('\n')).toHaveLength(SETTINGS.length + 2);
  });
});
