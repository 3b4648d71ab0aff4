import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The test files that take longest, longest first. They start first, so the two workers finish
 * together instead of one running a long file alone at the end (Vitest orders files by their
 * last durations, but a clean checkout, as in CI, has none).
 */
const LONGEST_FIRST = [
  'test/annotate/docx-comments.test.ts',
  'test/audit/audit.test.ts',
  'test/config/config.test.ts',
  'test/fuzz.test.ts',
  'test/parallel.test.ts',
  'test/cli.test.ts',
  'test/cli/silent.test.ts',
  'test/cli/pool.test.ts',
  'test/report/html.test.ts',
  'test/load/hostile-text.test.ts',
  'test/cli/fix.test.ts',
  'test/install.test.ts',
  'test/report/sarif.test.ts',
  'test/cli/untrusted.test.ts',
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification): number => {
      const index = LONGEST_FIRST.findIndex((name) => file.moduleId.endsWith(`/${name}`));
      return index === -1 ? LONGEST_FIRST.length : index;
    };
    const sorted = await super.sort(files);
    return sorted.map((file, order) => ({ file, order })).sort((a, b) => rank(a.file) - rank(b.file) || a.order - b.order).map(({ file }) => file);
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // A safety net, not a measure of speed: tests must pass on a busy 2-core machine, so no test
    // depends on how fast it runs (speed is measured by `npm run bench`).
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Most tests wait on the real command in a child process: two test files at a time keep both
    // cores of the CI machine busy (Vitest's default on 2 cores is one).
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
    // The test files share one module graph per worker instead of loading the code again for each
    // (about a minute of the run): no test changes the state of a module it imports.
    isolate: false,
  },
});
