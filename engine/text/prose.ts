/**
 * Lesson MDX to plain prose, for the language lab's "the course's own words" text: imports, code blocks,
 * display formulas and self-closing widgets are dropped; tags around prose are dropped and their words
 * kept; inline TeX becomes readable text (W_{hh} → W_hh, \sigma → σ); markdown markers go. One paragraph,
 * heading or list item per line. Pure string work, so scripts/build-prose.ts (which reads the files) and
 * its freshness test share it.
 */

/** TeX commands written as the character they draw; any other command loses its backslash. */
const TEX_SYMBOLS: Readonly<Record<string, string>> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  eta: 'η',
  theta: 'θ',
  lambda: 'λ',
  mu: 'μ',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  partial: '∂',
  nabla: '∇',
  odot: '⊙',
  cdot: '·',
  times: '×',
  approx: '≈',
  le: '≤',
  leq: '≤',
  ge: '≥',
  geq: '≥',
  ne: '≠',
  neq: '≠',
  to: '→',
  rightarrow: '→',
  leftarrow: '←',
  infty: '∞',
  sum: 'Σ',
  prod: 'Π',
  ldots: '...',
  dots: '...',
  cdots: '...',
  in: '∈',
  pm: '±',
  lVert: '‖',
  rVert: '‖',
  Vert: '‖',
  top: 'T',
};

/** Commands that only shape the formula and are dropped with nothing in their place. */
const TEX_SILENT = new Set([
  'left',
  'right',
  'big',
  'Big',
  'quad',
  'qquad',
  'mathrm',
  'text',
  'mathbf',
  'operatorname',
]);

/** Inline TeX as plain text: \frac{a}{b} → a/b, commands to symbols, subscript braces dropped. */
export function texToText(tex: string): string {
  let out = tex.replace(/\\([A-Za-z]+)/g, (whole: string, name: string) => {
    if (name === 'frac' || name === 'sqrt') return whole;
    return TEX_SILENT.has(name) ? '' : (TEX_SYMBOLS[name] ?? name);
  });
  out = out
    .replace(/\\\|/g, '‖')
    .replace(/\\[,;:! ]/g, ' ')
    .replace(/\\([%$&#_])/g, '$1');
  // Innermost groups first, until none is left: e^{-z} inside \frac{1}{1 + e^{-z}}.
  for (let previous = ''; previous !== out; ) {
    previous = out;
    out = out
      .replace(/\\frac\{([^{}]*)\}\{([^{}]*)\}/g, '($1)/($2)')
      .replace(/\\sqrt\{([^{}]*)\}/g, '√($1)')
      // A one-symbol subscript reads as h_t; a longer one keeps its grouping: h_{t-1} → h_(t-1).
      .replace(/([_^])\{([^{}]*)\}/g, (_, mark: string, group: string) =>
        /^[A-Za-z0-9]+$/.test(group) ? mark + group : `${mark}(${group})`,
      )
      // A bare group (as \text{in} leaves) is just its content; argument groups follow a letter or }.
      .replace(/(^|[^A-Za-z_^}])\{([^{}]*)\}/g, '$1$2');
  }
  return out
    .replace(/\\?[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The end of a JSX tag opening at `start` (index after its `>`), skipping braces and quoted strings. */
function tagEnd(text: string, start: number): number {
  let depth = 0;
  let quote = '';
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i]!;
    if (quote !== '') {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (ch === '>' && depth === 0) return i + 1;
  }
  return text.length;
}

/** Drops every JSX or HTML tag; a self-closing one (a widget) leaves a paragraph break behind. */
function dropTags(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const next = text.indexOf('<', i);
    if (next === -1) return out + text.slice(i);
    out += text.slice(i, next);
    if (!/[A-Za-z/]/.test(text[next + 1] ?? '')) {
      out += '<';
      i = next + 1;
      continue;
    }
    const end = tagEnd(text, next);
    if (text[end - 2] === '/') out += '\n\n';
    i = end;
  }
  return out;
}

/** One line of markdown without its markers: heading hashes, list bullets, emphasis, links, code ticks. */
function plainLine(line: string): string {
  return line
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/^\s*(?:[-*+]|\d+\.)\s+/, '')
    .replace(/^\s*>\s?/, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[^\w*])\*([^*\s][^*]*)\*/g, '$1$2')
    .replace(/(^|[^\w])_([^_\s][^_]*)_(?!\w)/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Options of {@link mdxToProse}. */
export interface ProseOptions {
  /** Level-2 sections (`## Title`) to leave out, by title, with everything up to the next `## `. */
  readonly skipSections?: readonly string[];
}

/** The text without the listed `## ` sections. */
function withoutSections(text: string, titles: readonly string[]): string {
  if (titles.length === 0) return text;
  let skipping = false;
  const kept: string[] = [];
  for (const line of text.split('\n')) {
    const heading = /^##\s+(.*?)\s*$/.exec(line);
    if (heading) skipping = titles.includes(heading[1]!);
    if (!skipping) kept.push(line);
  }
  return kept.join('\n');
}

/**
 * The prose of one lesson's MDX (see the file comment): paragraphs, headings and list items, each on one
 * line, joined by single newlines; no blank lines, no trailing newline.
 */
export function mdxToProse(mdx: string, options: ProseOptions = {}): string {
  let text = withoutSections(mdx.replace(/\r\n?/g, '\n'), options.skipSections ?? []);
  text = text.replace(/^```[^\n]*\n[\s\S]*?^```[^\n]*$/gm, '\n');
  text = text.replace(/\{\/\*[\s\S]*?\*\/\}/g, '').replace(/<!--[\s\S]*?-->/g, '');
  text = text.replace(/^(?:import|export)\s[^\n]*$/gm, '');
  text = text.replace(/\$\$[\s\S]*?\$\$/g, '\n\n');
  text = dropTags(text);
  text = text.replace(/\$([^$\n]+)\$/g, (_, tex: string) => texToText(tex));
  const blocks: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    const joined = paragraph.join(' ').replace(/\s+/g, ' ').trim();
    if (joined !== '') blocks.push(joined);
    paragraph = [];
  };
  for (const raw of text.split('\n')) {
    if (raw.trim() === '' || /^\s*\|/.test(raw)) {
      flush();
      continue;
    }
    // Headings and list items stand on their own line; other lines continue the paragraph.
    if (/^\s*(?:#{1,6}\s|[-*+]\s|\d+\.\s)/.test(raw)) flush();
    paragraph.push(plainLine(raw));
    if (/^\s*#{1,6}\s/.test(raw)) flush();
  }
  flush();
  return blocks.join('\n');
}
