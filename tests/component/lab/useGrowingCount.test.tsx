import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useGrowingCount } from '../../../app/lab/inside/useGrowingCount';

function Counter({ source, total }: { source: unknown; total: number }) {
  const shown = useGrowingCount(source, total, 100);
  return <output aria-label="shown">{shown}</output>;
}

describe('useGrowingCount', () => {
  it('draws one slice at once, then grows a slice at a time to the total', async () => {
    const seen = new Set<number>();
    const { rerender } = render(<Counter source="a" total={350} />);
    seen.add(Number(screen.getByLabelText('shown').textContent));
    expect(seen).toEqual(new Set([100]));
    await waitFor(() => {
      seen.add(Number(screen.getByLabelText('shown').textContent));
      expect(screen.getByLabelText('shown')).toHaveTextContent('350');
    });
    // A new source starts again from one slice.
    rerender(<Counter source="b" total={350} />);
    expect(screen.getByLabelText('shown')).toHaveTextContent('100');
    await waitFor(() => expect(screen.getByLabelText('shown')).toHaveTextContent('350'));
  });

  it('draws everything before printing', async () => {
    render(<Counter source="a" total={5000} />);
    window.dispatchEvent(new Event('beforeprint'));
    await waitFor(() => expect(screen.getByLabelText('shown')).toHaveTextContent('5000'));
  });
});
