/**
 * The shape of the code (see "How it works" in the README): dependencies point one way —
 * `load → document ← engine ← rules + packs ← ruleset ← cli` — so no module imports itself through
 * others at run time, and the engine, a pure kernel, reaches neither the rules, the packs, the
 * command line nor the reporters, and reads no files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

interface Import {
  /** The module imported: a path relative to src/ (without extension) for our own, else the specifier. */
  readonly target: string;
  /** Only types are imported (erased at run time). */
  readonly typeOnly: boolean;
  readonly line: number;
}

function sourceFiles(folder = SRC): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The module a file is, relative to src/, without extension: `engine/engine`. */
const moduleOf = (file: string): string => path.relative(SRC, file).replace(/\\/g, '/').replace(/\.ts$/, '');

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Import[] = [];
  const add = (specifier: string, typeOnly: boolean, node: ts.Node): void => {
    const target = specifier.startsWith('.')
      ? moduleOf(path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts')))
      : specifier;
    found.push({ target, typeOnly, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings : null;
      const typeOnly = Boolean(
        clause && (clause.isTypeOnly || (!clause.name && named && named.elements.length > 0 && named.elements.every((element) => element.isTypeOnly))),
      );
      add(node.moduleSpecifier.text, typeOnly, node);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause : null;
      const typeOnly = node.isTypeOnly || Boolean(named && named.elements.length > 0 && named.elements.every((element) => element.isTypeOnly));
      add(node.moduleSpecifier.text, typeOnly, node);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) add(argument.text, false, node);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, true, node);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const files = sourceFiles();
const graph = new Map(files.map((file) => [moduleOf(file), importsOf(file)]));

/** Every cycle of modules, each as its path from a module back to itself (one per strongly connected group). */
function cycles(runtimeOnly: boolean): string[] {
  const edges = new Map<string, string[]>();
  for (const [module, imports] of graph) {
    edges.set(module, [...new Set(imports.filter((entry) => graph.has(entry.target) && !(runtimeOnly && entry.typeOnly)).map((entry) => entry.target))]);
  }
  // Tarjan's strongly connected components.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const connect = (module: string): void => {
    index.set(module, counter);
    low.set(module, counter);
    counter++;
    stack.push(module);
    onStack.add(module);
    for (const next of edges.get(module) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(module, Math.min(low.get(module) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(module, Math.min(low.get(module) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(module) === index.get(module)) {
      const group: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        group.push(member);
      } while (member !== module);
      if (group.length > 1 || (edges.get(module) ?? []).includes(module)) groups.push(group.sort());
    }
  };
  for (const module of edges.keys()) if (!index.has(module)) connect(module);
  return groups.map((group) => group.join(' ↔ ')).sort();
}

describe('imports in src/', () => {
  it('are parsed (a sanity check of this test)', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('engine/engine')?.some((entry) => entry.target === 'engine/analysis' && !entry.typeOnly)).toBe(true);
    expect(graph.get('load/read')?.some((entry) => entry.target === 'load/pdf' && !entry.typeOnly)).toBe(true);
  });

  it('have no cycle at run time (static imports, re-exports and dynamic imports)', () => {
    expect(cycles(true)).toEqual([]);
  });

  it('have no cycle even through type-only imports', () => {
    expect(cycles(false)).toEqual([]);
  });
});

describe('the engine (src/engine/)', () => {
  const engine = [...graph].filter(([module]) => module.startsWith('engine/'));
  const FORBIDDEN = ['rules/', 'packs/', 'cli/', 'report/', 'config/', 'annotate/', 'docs/'];
  const FORBIDDEN_MODULES = new Set(['cli', 'ruleset', 'check', 'index', 'baseline', 'fix', 'atomic']);

  it('imports nothing from the rules, packs, command line, reporters or the ruleset', () => {
    const wrong = engine.flatMap(([module, imports]) =>
      imports
        .filter((entry) => graph.has(entry.target) && (FORBIDDEN.some((prefix) => entry.target.startsWith(prefix)) || FORBIDDEN_MODULES.has(entry.target)))
        .map((entry) => `${module}:${entry.line} imports ${entry.target}`),
    );
    expect(wrong).toEqual([]);
  });

  it('does no file I/O (imports no node:fs)', () => {
    const wrong = engine.flatMap(([module, imports]) =>
      imports.filter((entry) => /^(?:node:)?fs(?:\/promises)?$/.test(entry.target)).map((entry) => `${module}:${entry.line} imports ${entry.target}`),
    );
    expect(wrong).toEqual([]);
  });
});

describe('the rules (src/rules/)', () => {
  it('read no files: they get their data from the context (context.data)', () => {
    const wrong = [...graph]
      .filter(([module]) => module.startsWith('rules/'))
      .flatMap(([module, imports]) =>
        imports.filter((entry) => /^(?:node:)?(?:fs(?:\/promises)?|module)$/.test(entry.target)).map((entry) => `${module}:${entry.line} imports ${entry.target}`),
      );
    expect(wrong).toEqual([]);
  });
});

describe('YAML (src/yaml/)', () => {
  it('is read through one module, by packs, data files and config alike', () => {
    const direct = [...graph].flatMap(([module, imports]) =>
      imports.filter((entry) => entry.target === 'yaml' && !entry.typeOnly && module !== 'yaml/located').map((entry) => `${module}:${entry.line}`),
    );
    expect(direct).toEqual([]);
    for (const reader of ['packs/read', 'packs/data', 'config/config']) {
      expect(graph.get(reader)?.some((entry) => entry.target === 'yaml/located'), reader).toBe(true);
    }
  });
});

