/**
 * The playground's `layers` and `dlayer` URL fields: read into the configuration, refused with a notice
 * when out of range, and written back only where they apply.
 */
import { describe, expect, it } from 'vitest';
import { URL_FIELDS } from '../../../app/playground/urlFields';
import { formatPlaygroundState, parsePlaygroundState } from '../../../app/playground/urlState';

describe('the layers fields of the playground URL', () => {
  it('reads stacked layers and the dropout between them into the configuration', () => {
    const state = parsePlaygroundState('?layers=3&dlayer=0.25');
    expect(state.notices).toEqual([]);
    expect(state.configs[0]!.layers).toBe(3);
    expect(state.configs[0]!.dropout.layer).toBe(0.25);
    expect(formatPlaygroundState(state)).toMatch(/layers=3/);
    expect(formatPlaygroundState(state)).toMatch(/dlayer=0\.25/);
  });

  it('refuses 0, 4 or 1.5 layers with a notice and keeps one layer', () => {
    for (const raw of ['0', '4', '1.5']) {
      const state = parsePlaygroundState(`?layers=${raw}`);
      expect(state.configs[0]!.layers).toBe(1);
      expect(state.notices).toEqual([
        `Stacked layers must be a whole number from 1 to 3. The link gave "${raw}"; using 1.`,
      ]);
    }
  });

  it('offers the dropout between layers only when there is more than one layer', () => {
    const field = URL_FIELDS.find((candidate) => candidate.key === 'dlayer')!;
    const one = parsePlaygroundState('').configs[0]!;
    expect(field.read(one)).toBeUndefined();
    expect(field.read({ ...one, layers: 2 })).toBe('0');
    expect(formatPlaygroundState({ configs: [one], maxSteps: 3000 })).not.toMatch(/dlayer/);
  });
});
