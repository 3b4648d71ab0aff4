/**
 * The GitHub-flavoured syntax a Markdown text can use — tables, strikethrough, footnotes, task
 * items and bare web and email addresses — loaded and run only when the text could use it.
 * These are remark-gfm's parts, in remark-gfm's order, but together they take 70 ms to load (the
 * table and task-item parts bring all of mdast-util-to-markdown) and double the parse time. Each
 * construct needs a marker ('|' for a table, '~' for strikethrough, '[^' for a footnote, '[ ]' or
 * '[x]' for a task, '@', 'www.' or 'http://' for a bare address), and without its marker a text
 * parses exactly the same without the extension.
 */
import type { Extension as MdastExtension } from 'mdast-util-from-markdown';
import type { Extension as MicromarkExtension } from 'micromark-util-types';

/** One part of GitHub-flavoured Markdown. */
export type GfmFeature = 'autolink' | 'footnote' | 'strikethrough' | 'table' | 'taskList';

/** The parts in remark-gfm's order (the order extensions are tried in). */
const FEATURES: readonly GfmFeature[] = ['autolink', 'footnote', 'strikethrough', 'table', 'taskList'];

/** What a text must contain before the feature can appear in it. */
const MARKERS: Readonly<Record<GfmFeature, RegExp>> = {
  autolink: /@|www\.|https?:\/\//i,
  footnote: /\[\^/,
  strikethrough: /~/,
  table: /\|/,
  taskList: /\[[\sxX]\]/,
};

/** A feature's micromark syntax and its mdast conversion. */
export interface FeatureSyntax {
  readonly micromark: MicromarkExtension;
  readonly mdast: MdastExtension | MdastExtension[];
}

/** A feature's syntax from its two packages: the micromark extension and the mdast conversion. */
async function syntaxOf<M, U>(micromark: Promise<M>, mdast: Promise<U>, make: (micromark: M, mdast: U) => FeatureSyntax): Promise<FeatureSyntax> {
  const [syntax, conversion] = await Promise.all([micromark, mdast]);
  return make(syntax, conversion);
}

const LOADERS: Readonly<Record<GfmFeature, () => Promise<FeatureSyntax>>> = {
  autolink: () =>
    syntaxOf(import('micromark-extension-gfm-autolink-literal'), import('mdast-util-gfm-autolink-literal'), (m, u) => ({
      micromark: m.gfmAutolinkLiteral(),
      mdast: u.gfmAutolinkLiteralFromMarkdown(),
    })),
  footnote: () =>
    syntaxOf(import('micromark-extension-gfm-footnote'), import('mdast-util-gfm-footnote'), (m, u) => ({
      micromark: m.gfmFootnote(),
      mdast: u.gfmFootnoteFromMarkdown(),
    })),
  strikethrough: () =>
    syntaxOf(import('micromark-extension-gfm-strikethrough'), import('mdast-util-gfm-strikethrough'), (m, u) => ({
      micromark: m.gfmStrikethrough(),
      mdast: u.gfmStrikethroughFromMarkdown(),
    })),
  table: () =>
    syntaxOf(import('micromark-extension-gfm-table'), import('mdast-util-gfm-table'), (m, u) => ({
      micromark: m.gfmTable(),
      mdast: u.gfmTableFromMarkdown(),
    })),
  taskList: () =>
    syntaxOf(import('micromark-extension-gfm-task-list-item'), import('mdast-util-gfm-task-list-item'), (m, u) => ({
      micromark: m.gfmTaskListItem(),
      mdast: u.gfmTaskListItemFromMarkdown(),
    })),
};

const loaded = new Map<GfmFeature, FeatureSyntax>();

/** The features whose marker is in `source`. */
export function gfmFeaturesIn(source: string): GfmFeature[] {
  return FEATURES.filter((feature) => MARKERS[feature].test(source));
}

/** Load the syntax of `features` (once per process). */
export async function loadGfmFeatures(features: readonly GfmFeature[]): Promise<void> {
  await Promise.all(
    features
      .filter((feature) => !loaded.has(feature))
      .map(async (feature) => {
        loaded.set(feature, await LOADERS[feature]());
      }),
  );
}

/** Load every feature: for the synchronous API, which cannot wait for a text's features. */
export async function loadAllGfmFeatures(): Promise<void> {
  await loadGfmFeatures(FEATURES);
}

/** The loaded syntax of `features`, in remark-gfm's order; an error names a feature not loaded yet. */
export function gfmSyntax(features: readonly GfmFeature[]): FeatureSyntax[] {
  return FEATURES.filter((feature) => features.includes(feature)).map((feature) => {
    const syntax = loaded.get(feature);
    if (!syntax) throw new Error(`Markdown syntax “${feature}” is used before it is loaded (call loadGfmFeatures first)`);
    return syntax;
  });
}
