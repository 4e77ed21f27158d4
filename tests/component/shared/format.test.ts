import { describe, expect, it } from 'vitest';
import { linearTickFormat, logTickFormat, scientificTick } from '../../../app/figures/frame/ticks';
import { formatNumber, formatPercent, powerOfTenLabel } from '../../../app/shared/format';

describe('formatNumber, the one number format of the app', () => {
  it.each([
    [0, '0'],
    [0.001636, '0.00164'],
    [6.47e-4, '6.47 × 10⁻⁴'],
    [8e-4, '8 × 10⁻⁴'],
    [2.3e-8, '2.3 × 10⁻⁸'],
    [0.25, '0.25'],
    [-0.25, '−0.25'],
    [2.1875, '2.19'],
    [999.6, '1,000'],
    [12345.6, '12,346'],
    [99_999, '99,999'],
    [123_456, '1.23 × 10⁵'],
    [-1e150, '−10¹⁵⁰'],
    [9.996e-4, '0.001'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, '∞'],
    [Number.NEGATIVE_INFINITY, '−∞'],
  ])('writes %d as "%s"', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it('takes the significant figures it is asked for', () => {
    expect(formatNumber(0.123456, 2)).toBe('0.12');
    expect(formatNumber(6.4712e-4, 4)).toBe('6.471 × 10⁻⁴');
    expect(formatNumber(1 / 3, 4)).toBe('0.3333');
  });

  it('shares powers of ten and the minus sign with percentages and axes', () => {
    expect(powerOfTenLabel(-12)).toBe('10⁻¹²');
    expect(formatPercent(-0.25)).toBe('−25%');
    expect(logTickFormat(1e-6, 1e-2, { every: true })(2e-4)).toBe('2×10⁻⁴');
    expect(scientificTick(-1.5e150)).toBe('−1.5×10¹⁵⁰');
  });
});

describe('linear axis labels', () => {
  it('stay plain numbers for ordinary ranges', () => {
    const label = linearTickFormat(2.5);
    expect([0, 0.5, 2.5].map(label)).toEqual(['0', '0.5', '2.5']);
  });

  it('switch to powers of ten for an exploding run, never printing a 150-digit number', () => {
    const label = linearTickFormat(1.2e150);
    const ticks = [0, 2e149, 1e150, 1.2e150].map(label);
    expect(ticks).toEqual(['0', '2×10¹⁴⁹', '10¹⁵⁰', '1.2×10¹⁵⁰']);
    for (const text of ticks) expect(text.length).toBeLessThanOrEqual(12);
    expect(linearTickFormat(40_000)(20_000)).toBe('2×10⁴');
    expect(linearTickFormat(5e-4)(2e-4)).toBe('2×10⁻⁴');
  });
});
