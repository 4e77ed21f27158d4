import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../app/shared/parseNumber';

describe('reading typed numbers', () => {
  it.each([
    ['5376', 5376],
    ['5 376', 5376],
    [' 1.5e3 ', 1500],
    ['1.5E+3', 1500],
    ['−0.25', -0.25],
    ['0,25', 0.25],
    ['0,544', 0.544],
    ['-0,100', -0.1],
    ['−0,5', -0.5],
    [',5', 0.5],
    ['3,5', 3.5],
    ['12,25', 12.25],
    ['1234,567', 1234.567],
    ['1,000,000', 1000000],
    ['1,000,000.5', 1000000.5],
    ['5,376.5', 5376.5],
    ['.5', 0.5],
    ['1/4', 0.25],
    ['40%', 0.4],
    ['5376 parameters', 5376],
    ['1.5×10^3', 1500],
  ])('reads "%s" as %d', (text, value) => {
    const parsed = parseNumber(text, 'parameters');
    expect(parsed).toEqual({ ok: true, value });
  });

  it.each([
    ['1,234', 1.234, 1234],
    ['5,376', 5.376, 5376],
    ['-1,500', -1.5, -1500],
    ['999,999', 999.999, 999999],
  ])('asks about "%s" instead of guessing', (text, decimal, thousands) => {
    const parsed = parseNumber(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.readings).toEqual([decimal, thousands]);
    expect(parsed.message).toMatch(/^Did you mean /);
  });

  it('names both readings with a true minus sign', () => {
    const parsed = parseNumber('1,234');
    expect(!parsed.ok && parsed.message).toBe('Did you mean 1.234 or 1234? Type it without the comma.');
    const negative = parseNumber('-2,500');
    expect(!negative.ok && negative.message).toMatch(/^Did you mean −2\.5 or −2500\?/);
  });

  it.each([
    ['', /Type a number first/],
    ['   ', /Type a number first/],
    ['abc', /not a number/],
    ['NaN', /not a number/],
    ['Infinity', /not a number/],
    ['1e999', /too large/],
    ['1/0', /divide by zero/],
    ['1.2.3', /not a number/],
    ['12,34,5', /not a number/],
    ['1,2,3', /not a number/],
    ['x'.repeat(500), /not a number/],
  ])('rejects "%s" with a message and never throws', (text, message) => {
    const parsed = parseNumber(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});
