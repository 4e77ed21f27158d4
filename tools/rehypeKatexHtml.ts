// The lessons' and slides' TeX ($…$ and $$…$$, marked by remark-math) typeset by KaTeX at build time, each
// formula handed to React as one HTML string instead of a tree of elements.
//
// rehype-katex turns KaTeX's output into hast, which MDX compiles into one `jsx()` call per box: a lesson
// with 180 formulas became 8,000 calls in a 470 KB chunk, every one of them evaluated, turned into an
// element and reconciled by React on the phone's main thread when the lesson opened. Here the formula
// stays KaTeX's string and is set as the inner HTML of its outer span (the browser's own parser builds the
// same boxes, MathML and SVG included), so a formula costs React one element.
//
// A formula KaTeX cannot read fails the build, naming the file and the place: a course must not ship a
// red error box in place of an equation.
import katex, { type KatexOptions } from 'katex';

/** The parts of a hast node (or of MDX's JSX node in it) that this plugin reads. */
interface HastNode {
  readonly type: string;
  readonly tagName?: string;
  readonly value?: string;
  readonly properties?: { readonly className?: unknown };
  children?: HastNode[];
  readonly position?: unknown;
}

/** The part of unified's VFile used here: failing the build with a located message. */
interface VFileLike {
  fail(reason: string, options?: unknown): never;
}

type MathOptions = Omit<KatexOptions, 'displayMode' | 'throwOnError'>;

const isElement = (node: HastNode | undefined): boolean => node?.type === 'element';

function classesOf(node: HastNode): readonly unknown[] {
  const value = node.properties?.className;
  return Array.isArray(value) ? value : [];
}

function textOf(node: HastNode): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

/** `{ __html: html }` as the estree program MDX expects of an attribute's expression. */
function innerHtmlProgram(html: string) {
  return {
    type: 'Program',
    sourceType: 'module',
    body: [
      {
        type: 'ExpressionStatement',
        expression: {
          type: 'ObjectExpression',
          properties: [
            {
              type: 'Property',
              kind: 'init',
              method: false,
              shorthand: false,
              computed: false,
              key: { type: 'Identifier', name: '__html' },
              value: { type: 'Literal', value: html },
            },
          ],
        },
      },
    ],
  };
}

/**
 * KaTeX's markup for one formula, split into its outer span's class and the HTML inside it:
 * `<span class="katex">…</span>` inline, `<span class="katex-display"><span class="katex">…</span></span>`
 * displayed.
 */
export function splitOuterSpan(html: string): { className: string; inner: string } {
  const match = /^<span class="([^"]+)">([\s\S]*)<\/span>$/.exec(html);
  if (!match) throw new Error(`KaTeX wrote markup that does not start with one span: ${html.slice(0, 80)}`);
  return { className: match[1] as string, inner: match[2] as string };
}

/** The JSX node (`<span className=… dangerouslySetInnerHTML={{ __html: … }} />`) for one formula. */
export function formulaNode(tex: string, displayMode: boolean, options: MathOptions = {}) {
  const { className, inner } = splitOuterSpan(
    katex.renderToString(tex, { ...options, displayMode, throwOnError: true }),
  );
  return {
    type: displayMode ? 'mdxJsxFlowElement' : 'mdxJsxTextElement',
    name: 'span',
    attributes: [
      { type: 'mdxJsxAttribute', name: 'className', value: className },
      {
        type: 'mdxJsxAttribute',
        name: 'dangerouslySetInnerHTML',
        value: {
          type: 'mdxJsxAttributeValueExpression',
          value: `{ __html: ${JSON.stringify(inner)} }`,
          data: { estree: innerHtmlProgram(inner) },
        },
      },
    ],
    children: [],
  };
}

/**
 * The rehype plugin: every element remark-math marked (`code.math-inline`, `pre > code.math-display`,
 * or a fenced ```math block) becomes its formula's node.
 */
export default function rehypeKatexHtml(options: MathOptions = {}) {
  return (tree: HastNode, file: VFileLike) => {
    const walk = (parent: HastNode) => {
      const children = parent.children ?? [];
      for (let index = 0; index < children.length; index++) {
        const node = children[index];
        if (!node) continue;
        if (!isElement(node)) {
          if (node.children) walk(node);
          continue;
        }
        // A ```math fence or $$…$$ arrives as <pre><code class="language-math …">.
        const only = node.children?.length === 1 ? node.children[0] : undefined;
        const code = node.tagName === 'pre' && only && isElement(only) ? only : node;
        const classes = classesOf(code);
        const languageMath = classes.includes('language-math');
        const display = classes.includes('math-display') || (languageMath && code !== node);
        if (!display && !classes.includes('math-inline') && !languageMath) {
          walk(node);
          continue;
        }
        const tex = textOf(code);
        try {
          children[index] = formulaNode(tex, display, options);
        } catch (error) {
          file.fail(`KaTeX cannot typeset ${JSON.stringify(tex)}: ${(error as Error).message}`, {
            place: node.position,
            ruleId: 'katex',
            source: 'rehype-katex-html',
          });
        }
      }
    };
    walk(tree);
  };
}
