/**
 * YAML read with positions: the one reader of rule packs (src/packs/read.ts), data files
 * (src/packs/data.ts) and config files (src/config/config.ts). A syntax error, and any problem a
 * reader finds in a value, is a `LocatedYamlError` that names the file, line and column.
 *
 * The yaml package is loaded on first use: a run whose rule packs and data files come from the
 * build's cache, with no YAML config, never needs it (loading it takes about 50 ms).
 */
import { createRequire } from 'node:module';
import type { Document, LineCounter, Node as YamlNode } from 'yaml';

/** The yaml package's API. */
export type Yaml = typeof import('yaml');

let loaded: Yaml | null = null;

/** The yaml package (its CommonJS build, loaded synchronously the first time). */
export function yaml(): Yaml {
  loaded ??= createRequire(import.meta.url)('yaml') as Yaml;
  return loaded;
}

/** A problem in a YAML file, with where it is. */
export class LocatedYamlError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
    this.name = 'LocatedYamlError';
  }
}

/** A line and column, from 1. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A parsed YAML file that can say where each of its nodes is. */
export class LocatedDocument {
  private readonly lines: LineCounter;
  readonly document: Document.Parsed;

  /**
   * Parse `text`, the content of `file`. A syntax error (or a repeated key) throws what
   * `syntaxError` makes of it — a `LocatedYamlError` by default.
   */
  constructor(
    readonly file: string,
    text: string,
    syntaxError: (position: Position, reason: string) => Error = (position, reason) => new LocatedYamlError(file, position.line, position.column, `invalid YAML: ${reason}`),
  ) {
    this.lines = new (yaml().LineCounter)();
    this.document = yaml().parseDocument(text, { lineCounter: this.lines, uniqueKeys: true });
    const [syntax] = this.document.errors;
    if (syntax) {
      const where = syntax.linePos?.[0];
      throw syntaxError({ line: where?.line ?? 1, column: where?.col ?? 1 }, syntax.message.split('\n')[0] ?? 'invalid YAML');
    }
  }

  /** The top-level node. */
  get root(): unknown {
    return this.document.contents;
  }

  /** The node an alias (`*name`) stands for; any other node as it is. */
  resolve(node: unknown): unknown {
    return yaml().isAlias(node) ? (node.resolve(this.document) ?? node) : node;
  }

  /** Where `node` starts (`offset` characters into it), or the start of the file. */
  position(node: unknown, offset = 0): Position {
    const range = (node as YamlNode | null | undefined)?.range;
    const where = this.lines.linePos((range?.[0] ?? 0) + offset);
    return { line: where.line, column: where.col };
  }

  /** Where the value at a path of keys is (`['rules', 'plain-language/idiom']`), or null when it is not there. */
  positionOf(keys: readonly (string | number)[]): Position | null {
    const node = keys.length > 0 ? this.document.getIn(keys, true) : this.document.contents;
    return (node as YamlNode | null | undefined)?.range ? this.position(node) : null;
  }

  /** A `LocatedYamlError` at `node`. */
  error(node: unknown, reason: string, offset = 0): LocatedYamlError {
    const { line, column } = this.position(node, offset);
    return new LocatedYamlError(this.file, line, column, reason);
  }

  /** The whole file as plain values. */
  toJS(): unknown {
    return this.document.toJS() as unknown;
  }
}
