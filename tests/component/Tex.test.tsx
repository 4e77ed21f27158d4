import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Tex } from '../../app/components/Tex';

describe('Tex', () => {
  it('renders a formula as KaTeX HTML and MathML', () => {
    const { container } = render(<Tex>{'h_t = \\tanh(W_{hh} h_{t-1})'}</Tex>);
    expect(container.querySelector('.katex-html')).not.toBeNull();
    expect(container.querySelector('math')).not.toBeNull();
    expect(container.querySelector('annotation')?.textContent).toContain('W_{hh}');
  });

  it('shows a visible error box for bad TeX instead of nothing', () => {
    render(<Tex>{'\\frac{1}{'}</Tex>);
    expect(screen.getByRole('note')).toHaveTextContent('Formula error');
    expect(screen.getByRole('note')).toHaveTextContent('\\frac{1}{');
  });
});
