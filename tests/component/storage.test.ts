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
    expect(load(format)).toMatchObject({ value: { count: 0 }, notice: null, status: 'empty' });
  });

  it('reads back what it saved', () => {
    expect(save(format, { count: 7 })).toBeNull();
    expect(load(format)).toMatchObject({ value: { count: 7 }, notice: null, status: 'ok' });
  });

  it('migrates data saved by an older schema version', () => {
    localStorage.setItem('test.format', JSON.stringify({ version: 1, data: { n: 3 } }));
    expect(load(format)).toMatchObject({ value: { count: 3 }, notice: null, status: 'ok' });
  });

  it.each([
    ['text that is not JSON', '{oops'],
    ['a value of the wrong shape', JSON.stringify({ version: 2, data: { count: 'many' } })],
    ['a bare number', '42'],
  ])('reports %s as damaged, with the text as found', (_label, text) => {
    localStorage.setItem('test.format', text);
    const result = load(format);
    expect(result.value).toEqual({ count: 0 });
    expect(result.status).toBe('damaged');
    expect(result.text).toBe(text);
    expect(result.notice).toMatch(/could not be read/);
  });

  it('reports data from a newer schema version as newer, not damaged, and reads what it can', () => {
    const text = JSON.stringify({ version: 9, data: { count: 1, more: true } });
    localStorage.setItem('test.format', text);
    const result = load(format);
    expect(result.status).toBe('newer');
    expect(result.value).toEqual({ count: 1 });
    expect(result.text).toBe(text);
    expect(result.notice).toMatch(/newer version of Unroll/);
    expect(localStorage.getItem('test.format')).toBe(text);
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
