import { describe, expect, it } from 'vitest';
import { load, save, type VersionedFormat } from '../../app/store/storage';

const format: VersionedFormat<{ count: number }> = {
  key: 'test.format',
  version: 2,
  fallback: { count: 0 },
  migrate: (data, from) =>
    from === 1 && typeof data === 'object' && data !== null && typeof (data as { n?: unknown }).n === 'number'
      ? { count: (data as { n: number }).n }
      : null,
  validate: (data) =>
    typeof data === 'object' && data !== null && typeof (data as { count?: unknown }).count === 'number'
      ? { count: (data as { count: number }).count }
      : null,
};

describe('versioned storage', () => {
  it('returns the fallback quietly when nothing was saved', () => {
    expect(load(format)).toEqual({ value: { count: 0 }, notice: null });
  });

  it('reads back what it saved', () => {
    expect(save(format, { count: 7 })).toBeNull();
    expect(load(format)).toEqual({ value: { count: 7 }, notice: null });
  });

  it('migrates data saved by an older schema version', () => {
    localStorage.setItem('test.format', JSON.stringify({ version: 1, data: { n: 3 } }));
    expect(load(format)).toEqual({ value: { count: 3 }, notice: null });
  });

  it.each([
    ['text that is not JSON', '{oops'],
    ['a value of the wrong shape', JSON.stringify({ version: 2, data: { count: 'many' } })],
    ['a version from the future', JSON.stringify({ version: 9, data: { count: 1 } })],
    ['a bare number', '42'],
  ])('sets aside %s with a notice', (_label, text) => {
    localStorage.setItem('test.format', text);
    const result = load(format);
    expect(result.value).toEqual({ count: 0 });
    expect(result.notice).toMatch(/damaged/);
  });

  it('reports a refused write (a full quota) instead of throwing', () => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      expect(save(format, { count: 1 })).toMatch(/refused/);
    } finally {
      Storage.prototype.setItem = original;
    }
  });
});
