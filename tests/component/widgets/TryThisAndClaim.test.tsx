import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLAIM_IDS, Claim } from '../../../app/widgets/Claim';
import { TryThis } from '../../../app/widgets/TryThis';

describe('TryThis', () => {
  it('shows its prompt in a note named “Try this” (not a landmark: a lesson has many)', () => {
    render(
      <TryThis>
        <p>Drag the slider to 1.5.</p>
      </TryThis>,
    );
    const note = screen.getByRole('note', { name: 'Try this' });
    expect(note).toHaveTextContent('Drag the slider to 1.5.');
    expect(screen.queryByRole('complementary')).toBeNull();
  });
});

describe('Claim', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('keeps the sentence and links it to where the claims page measures it', () => {
    render(
      <p>
        A GRU has <Claim id="gru-parameters">25% fewer parameters</Claim> than an LSTM.
      </p>,
    );
    expect(screen.getByText('25% fewer parameters', { exact: false })).toBeVisible();
    const link = screen.getByRole('link', { name: /measure it/ });
    expect(link).toHaveAttribute('href', '#/claims#gru-parameters');
    expect(link).toHaveAccessibleName('measure it: parameter counts of GRU and LSTM');
  });

  it('links every known claim id to its own anchor', () => {
    for (const id of CLAIM_IDS) {
      const { unmount } = render(<Claim id={id}>claim</Claim>);
      expect(screen.getByRole('link', { name: /measure it/ })).toHaveAttribute('href', `#/claims#${id}`);
      unmount();
    }
  });

  it('renders only the sentence for an unknown id, and warns during development', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(<Claim id="no-such-claim">just words</Claim>);
    expect(screen.getByText('just words')).toBeVisible();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('unknown claim id'));
  });
});
