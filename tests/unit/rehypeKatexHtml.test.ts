import { describe, expect, it } from 'vitest';
import rehypeKatexHtml, { splitOuterSpan } from '../../tools/rehypeKatexHtml';

const code = (tex: string, className: string[]) => ({
  type: 'element',
  tagName: 'code',
  properties: { className },
  children: [{ type: 'text', value: tex }],
});

const file = {
  fail(reason: string): never {
    throw new Error(reason);
  },
};

describe('rehypeKatexHtml', () => {
  it('turns inline and displayed math into one JSX span each, with KaTeX’s markup as its inner HTML', () => {
    const tree = {
      type: 'root',
      children: [
        {
          type: 'element',
          tagName: 'p',
          properties: {},
          children: [code('x^2', ['language-math', 'math-inline'])],
        },
        {
          type: 'element',
          tagName: 'pre',
          properties: {},
          children: [code('\\frac{a}{b}', ['language-math', 'math-display'])],
        },
      ],
    };
    rehypeKatexHtml()(tree, file);
    type Jsx = { type: string; name: string; attributes: { name: string; value: unknown }[] };
    const inline = (tree.children[0] as unknown as { children: Jsx[] }).children[0]!;
    const display = tree.children[1] as unknown as Jsx;
    expect(inline.type).toBe('mdxJsxTextElement');
    expect(inline.name).toBe('span');
    expect(inline.attributes[0]).toEqual({ type: 'mdxJsxAttribute', name: 'className', value: 'katex' });
    expect(display.type).toBe('mdxJsxFlowElement');
    expect(display.attributes[0]?.value).toBe('katex-display');
    type Program = { body: { expression: { properties: { value: { value: string } }[] } }[] };
    const html = display.attributes[1]?.value as { data: { estree: Program } };
    const inner = html.data.estree.body[0]!.expression.properties[0]!.value.value;
    expect(inner.startsWith('<span class="katex">')).toBe(true);
    expect(inner).toContain('<math');
  });

  it('leaves code that is not math alone', () => {
    const plain = code('let x = 1', ['language-ts']);
    const tree = {
      type: 'root',
      children: [{ type: 'element', tagName: 'pre', properties: {}, children: [plain] }],
    };
    rehypeKatexHtml()(tree, file);
    expect((tree.children[0] as { children: unknown[] }).children[0]).toBe(plain);
  });

  it('fails the build on TeX that KaTeX cannot read, naming the formula', () => {
    const tree = { type: 'root', children: [code('\\frac{a', ['language-math', 'math-inline'])] };
    expect(() => rehypeKatexHtml()(tree, file)).toThrow(/KaTeX cannot typeset "\\\\frac\{a"/);
  });

  it('refuses markup that is not one outer span', () => {
    expect(splitOuterSpan('<span class="katex">x</span>')).toEqual({ className: 'katex', inner: 'x' });
    expect(() => splitOuterSpan('<div>x</div>')).toThrow(/one span/);
  });
});
