import { describe, expect, it } from 'vitest';
import { logTickFormat } from '../../../app/figures/frame/ticks';

describe('logTickFormat', () => {
  it('names 1, 2 and 5 over two decades: plain decimals from 0.001 up, powers of ten below, one style each', () => {
    const small = logTickFormat(1e-5, 1e-3);
    expect([1e-5, 2e-5, 5e-5, 1e-4, 2e-4, 5e-4].map(small)).toEqual([
      '10⁻⁵',
      '2×10⁻⁵',
      '5×10⁻⁵',
      '10⁻⁴',
      '2×10⁻⁴',
      '5×10⁻⁴',
    ]);
    expect(small(3e-5)).toBe('');
    const plain = logTickFormat(1e-3, 1e-1);
    expect([1e-3, 2e-3, 5e-3, 0.01].map(plain)).toEqual(['0.001', '0.002', '0.005', '0.01']);
  });

  it('names only powers of ten over more than two decades', () => {
    const wide = logTickFormat(1e-6, 1);
    expect(wide(1e-4)).toBe('10⁻⁴');
    expect(wide(2e-4)).toBe('');
  });
});
