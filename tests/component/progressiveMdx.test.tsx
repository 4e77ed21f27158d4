import { act, render, screen, waitFor } from '@testing-library/react';
import type { MDXContent } from 'mdx/types';
import { describe, expect, it } from 'vitest';
import { ProgressiveMdx, SKIPPED_CLASS } from '../../app/components/ProgressiveMdx';

// Stands in for compiled MDX: one fragment of top-level blocks, drawn with the components it is given.
const labels = Array.from({ length: 40 }, (_, index) => `Block ${index}`);
const Content: MDXContent = () => (
  <>
    {labels.map((label) => (
      <p key={label}>{label}</p>
    ))}
  </>
);

describe('ProgressiveMdx', () => {
  it('draws the opening blocks at once and the rest in later slices, busy until the last', async () => {
    const { container } = render(<ProgressiveMdx Content={Content} components={{}} className="prose" />);
    const prose = container.querySelector('.prose')!;
    expect(prose.querySelectorAll('p').length).toBeGreaterThan(0);
    expect(prose.querySelectorAll('p').length).toBeLessThan(40);
    expect(prose.getAttribute('aria-busy')).toBe('true');
    await waitFor(() => expect(prose.querySelectorAll('p')).toHaveLength(40));
    expect(prose.hasAttribute('aria-busy')).toBe(false);
    expect(screen.getByText('Block 39')).toBeInTheDocument();
  });

  it('draws everything before printing', () => {
    const { container } = render(<ProgressiveMdx Content={Content} components={{}} />);
    act(() => {
      window.dispatchEvent(new Event('beforeprint'));
    });
    expect(container.querySelectorAll('p')).toHaveLength(40);
  });

  it('marks a block while the browser skips it, and only its own blocks', () => {
    const { container } = render(<ProgressiveMdx Content={Content} components={{}} className="prose" />);
    const block = container.querySelector('.prose > p')!;
    const skip = (target: Element, skipped: boolean) => {
      // Not bubbling, like the browser's own event: the container must catch it on the way down.
      const event = Object.assign(new Event('contentvisibilityautostatechange', { bubbles: false }), {
        skipped,
      });
      target.dispatchEvent(event);
    };
    skip(block, true);
    expect(block.classList.contains(SKIPPED_CLASS)).toBe(true);
    skip(block, false);
    expect(block.classList.contains(SKIPPED_CLASS)).toBe(false);
    // Something inside a block with content-visibility of its own is not clipped by this.
    const inner = document.createElement('span');
    block.append(inner);
    skip(inner, true);
    expect(inner.classList.contains(SKIPPED_CLASS)).toBe(false);
  });
});
