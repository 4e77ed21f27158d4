import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  currentLessonSlug,
  RENAMED_LESSONS,
  renamedLessonLocation,
  renamedLessonRoute,
} from '../../app/shared/lessonRenames';

describe('old lesson addresses', () => {
  it.each([
    ['/lessons/06-summary', '/lessons/07-summary'],
    ['/lessons/06-summary/', '/lessons/07-summary/'],
    ['/lessons/06-summary/check-yourself', '/lessons/07-summary/check-yourself'],
    ['/lessons/06-summary/study-notes?x=1', '/lessons/07-summary/study-notes?x=1'],
    ['/lessons/06-summary?seed=3', '/lessons/07-summary?seed=3'],
    ['/present/06-summary', '/present/07-summary'],
    ['/present/06-summary/4', '/present/07-summary/4'],
    ['/present/06-summary/4?controls=0', '/present/07-summary/4?controls=0'],
    ['/speaker/06-summary/2', '/speaker/07-summary/2'],
    ['/speaker/06-summary/2?controls=0', '/speaker/07-summary/2?controls=0'],
  ])('sends %s on to %s, keeping section, slide and query', (old, now) => {
    expect(renamedLessonRoute.test(old)).toBe(true);
    expect(renamedLessonLocation(old)).toBe(now);
  });

  it.each([
    '/lessons/07-summary',
    '/lessons/06-language-models',
    '/lessons/06-summary-extra',
    '/present/07-summary/1',
    '/playground?lesson=06-summary',
    '/quiz/final',
    '/',
  ])('leaves %s alone', (address) => {
    expect(renamedLessonRoute.test(address)).toBe(false);
    expect(renamedLessonLocation(address)).toBeNull();
  });

  it('maps every old slug to a lesson folder that exists, and a current slug to itself', () => {
    const folders = readdirSync(new URL('../../lessons/', import.meta.url));
    for (const [old, now] of Object.entries(RENAMED_LESSONS)) {
      expect(folders).toContain(now);
      expect(folders).not.toContain(old);
      expect(currentLessonSlug(old)).toBe(now);
    }
    expect(currentLessonSlug('03-lstm')).toBe('03-lstm');
    // Not fooled by the names every object has.
    expect(currentLessonSlug('constructor')).toBe('constructor');
  });
});
