import { render } from '@testing-library/react';
import katex from 'katex';
import { Children, isValidElement, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import Formulas from './fixtures/formulas.mdx';

// The lessons' TeX goes through the build's own MDX plugins (vite.config.ts, tools/rehypeKatexHtml.ts):
// each formula must be exactly KaTeX's markup, HTML and MathML, while reaching React as one element.
const formulas: readonly [string, boolean][] = [
  ['h_t = \\tanh(W_{hh} h_{t-1} + b)', false],
  [
    '\\frac{\\partial L}{\\partial h_0} = \\prod_{t=1}^{T} \\operatorname{diag}(1 - h_t^2)\\, W_{hh}^\\top',
    true,
  ],
  ['\\sqrt{H}', false],
  ['\\sigma(x) < 1', false],
];

function parsed(html: string): Element {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content.firstElementChild as Element;
}

/** Every React element in a tree, counted. */
function elementCount(node: ReactNode): number {
  let count = 0;
  Children.forEach(node, (child) => {
    if (!isValidElement<{ children?: ReactNode }>(child)) return;
    count += 1 + elementCount(child.props.children);
  });
  return count;
}

describe('formulas in MDX', () => {
  it('are KaTeX’s own markup, HTML for the eye and MathML for screen readers', () => {
    const { container } = render(<Formulas />);
    const outer = [...container.querySelectorAll('.katex-display, .katex')].filter(
      (node) => !node.parentElement?.classList.contains('katex-display'),
    );
    expect(outer).toHaveLength(formulas.length);
    formulas.forEach(([tex, displayMode], index) => {
      const expected = parsed(katex.renderToString(tex, { displayMode, output: 'htmlAndMathml' }));
      expect(outer[index]?.isEqualNode(expected), tex).toBe(true);
    });
    // The displayed formula is a block of its own, not inside a paragraph.
    expect(container.querySelector(':scope > .katex-display')).not.toBeNull();
    expect(container.querySelectorAll('.katex-mathml math')).toHaveLength(formulas.length);
    expect(container.querySelectorAll('.katex-html[aria-hidden="true"]')).toHaveLength(formulas.length);
  });

  it('reach React as one element each, not one per box', () => {
    const tree = Formulas({});
    // Paragraph, list and item, four formulas: KaTeX's boxes for the same text number in the hundreds.
    expect(elementCount(tree)).toBeLessThan(12);
    const { container } = render(<Formulas />);
    expect(container.querySelectorAll('*').length).toBeGreaterThan(100);
  });
});
