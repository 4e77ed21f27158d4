import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The house's layers, top to bottom (drawn in ARCHITECTURE.md): a file may import files of its own
 * layer and of layers below it, never above. A file belongs to the longest entry its path starts with.
 */
const layers = [
  'lessons',
  'app/main.tsx',
  'app/App.tsx',
  'app/scorm',
  'app/pages',
  'app/dev',
  'app/present',
  'app/claims',
  'app/mdx',
  'app/lab',
  'app/lab/inside',
  'app/widgets',
  'app/quiz',
  'app/playground',
  'app/live',
  'app/lab/inside',
  'app/figures/calculators',
  'app/figures/charts',
  'app/figures/diagrams',
  'app/figures/heatmaps',
  'app/figures/frame',
  'app/components',
  'app/routes.ts',
  'app/course.ts',
  'app/store',
  'app/lessonTypes.ts',
  'app/engineBridge.ts',
  'app/workerMessages.ts',
  'app/engine.ts',
  'app/engineTexts.ts',
  'app/shared',
  'app/styles',
  'engine',
] as const;

const root = resolve(import.meta.dirname, '../..');
const scanned = ['app', 'engine', 'lessons'];
const sourceEndings = ['.ts', '.tsx', '.mdx'];
const resolveEndings = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

interface ImportEdge {
  /** Paths relative to the repository, with forward slashes. */
  readonly from: string;
  readonly to: string;
  readonly typeOnly: boolean;
}

function sourceFiles(folder: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(join(root, folder))) {
    const path = `${folder}/${name}`;
    if (statSync(join(root, path)).isDirectory()) found.push(...sourceFiles(path));
    else if (sourceEndings.some((ending) => name.endsWith(ending)) && !name.endsWith('.d.ts'))
      found.push(path);
  }
  return found;
}

/** The text with comments blanked out (strings kept), so an import named in a comment is not read. */
function withoutComments(text: string): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const character = text[i]!;
    if (quote !== null) {
      out += character;
      if (character === '\\') out += text[++i] ?? '';
      else if (character === quote) quote = null;
    } else if (character === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (character === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 1;
    } else {
      if (character === "'" || character === '"' || character === '`') quote = character;
      out += character;
    }
  }
  return out;
}

const staticImport = /(?:^|[\n;])\s*(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/g;
const bareImport = /(?:^|[\n;])\s*import\s*['"]([^'"]+)['"]/g;
const dynamicImport = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/**
 * Every relative import of a file: `import … from`, `export … from`, bare `import '…'` and `import()`,
 * with whether it is type-only (`import type`, or braces holding only `type` names).
 */
function specifiers(text: string): { spec: string; typeOnly: boolean }[] {
  const code = withoutComments(text);
  const found: { spec: string; typeOnly: boolean }[] = [];
  for (const [, , typeKeyword, clause, spec] of code.matchAll(staticImport)) {
    const names = /^\{([\s\S]*)\}$/.exec(clause!.trim())?.[1];
    const onlyTypes =
      names
        ?.split(',')
        .map((name) => name.trim())
        .filter((name) => name !== '')
        .every((name) => name.startsWith('type ')) === true;
    found.push({ spec: spec!, typeOnly: typeKeyword !== undefined || onlyTypes });
  }
  for (const [, spec] of code.matchAll(bareImport)) found.push({ spec: spec!, typeOnly: false });
  for (const [, spec] of code.matchAll(dynamicImport)) found.push({ spec: spec!, typeOnly: false });
  return found.filter(({ spec }) => spec.startsWith('.'));
}

function resolveImport(from: string, spec: string): string | null {
  const base = join(dirname(join(root, from)), spec);
  for (const ending of resolveEndings) {
    const candidate = base + ending;
    if (existsSync(candidate) && statSync(candidate).isFile())
      return relative(root, candidate).split('\\').join('/');
  }
  return null;
}

/** Every relative import in app/, engine/ and lessons/, resolved to the file it names. */
function readImports(): { files: string[]; edges: ImportEdge[]; unresolved: string[] } {
  const files = scanned.flatMap(sourceFiles);
  const edges: ImportEdge[] = [];
  const unresolved: string[] = [];
  for (const from of files) {
    for (const { spec, typeOnly } of specifiers(readFileSync(join(root, from), 'utf8'))) {
      const to = resolveImport(from, spec);
      if (to === null) unresolved.push(`${from} -> ${spec}`);
      else edges.push({ from, to, typeOnly });
    }
  }
  return { files, edges, unresolved };
}

/** The layer a path belongs to (its index in `layers`), or -1 when no entry covers it. */
function layerOf(path: string): number {
  let best = -1;
  layers.forEach((layer, index) => {
    const covers = path === layer || path.startsWith(`${layer}/`);
    if (covers && (best === -1 || layer.length > layers[best]!.length)) best = index;
  });
  return best;
}

/** Each import cycle found, as the files around it (first file repeated at the end). */
function findCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const edge of edges) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const walk = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const to of next.get(file) ?? []) {
      if (state.get(to) === 'open') cycles.push([...stack.slice(stack.indexOf(to)), to]);
      else if (!state.has(to)) walk(to);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...next.keys()].sort()) if (!state.has(file)) walk(file);
  return cycles;
}

describe('the house', () => {
  const { files, edges, unresolved } = readImports();

  it('reads every import it finds', () => {
    expect(files.length).toBeGreaterThan(200);
    expect(edges.length).toBeGreaterThan(500);
    expect(unresolved).toEqual([]);
  });

  it('places every file of app/, engine/ and lessons/ in a declared layer', () => {
    expect(files.filter((file) => layerOf(file) === -1)).toEqual([]);
  });

  it('has no import loop between files', () => {
    const cycles = findCycles(edges).map((cycle) => cycle.join(' -> '));
    expect(cycles).toEqual([]);
  });

  it('imports only downwards: no folder imports a folder above it', () => {
    const upward = edges
      .filter((edge) => layerOf(edge.to) < layerOf(edge.from))
      .map(
        (edge) =>
          `${edge.from} -> ${edge.to} (${layers[layerOf(edge.to)]} is above ${layers[layerOf(edge.from)]})`,
      );
    expect(upward).toEqual([]);
  });

  it('calls the engine on the main thread only through app/engine.ts and app/engineTexts.ts (and the worker only through the bridge)', () => {
    const doors = ['app/engine.ts', 'app/engineTexts.ts', 'app/engineBridge.ts'];
    const direct = edges
      .filter((edge) => edge.from.startsWith('app/') && !doors.includes(edge.from))
      .filter((edge) => edge.to.startsWith('engine/') && !edge.typeOnly)
      .map((edge) => `${edge.from} -> ${edge.to}`);
    expect(direct).toEqual([]);
  });

  it('finds a loop and an upward import when there is one', () => {
    const loop: ImportEdge[] = [
      { from: 'app/a.ts', to: 'app/b.ts', typeOnly: false },
      { from: 'app/b.ts', to: 'app/a.ts', typeOnly: true },
    ];
    expect(findCycles(loop)).toEqual([['app/a.ts', 'app/b.ts', 'app/a.ts']]);
    expect(layerOf('app/store/index.ts')).toBeLessThan(layerOf('engine/rng.ts'));
    expect(layerOf('app/figures/frame/FigureFrame.tsx')).toBeGreaterThan(
      layerOf('app/figures/charts/LinePlot.tsx'),
    );
  });
});
