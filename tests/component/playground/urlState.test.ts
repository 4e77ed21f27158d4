/**
 * Reading a playground link: every key either used or named in a notice, compare configurations only
 * from settings that exist, and refusals that give the real reason.
 */
import { describe, expect, it } from 'vitest';
import { parsePlaygroundState } from '../../../app/playground/urlState';
import { lessonRoute, pageQuery, playgroundRoute } from '../../../app/routes';

describe('reading a playground link', () => {
  it('names unknown and repeated keys in one notice, and uses the first of a repeated key', () => {
    const state = parsePlaygroundState('?foo=1&lr=0.05&lr=0.5&cell=gru&b.colour=red&seed=1&seed=2&seed=3');
    expect(state.notices).toEqual([
      'Ignored: foo (unknown), lr (given twice, used the first), b.colour (unknown), seed (given three times, used the first).',
    ]);
    expect(state.configs).toHaveLength(1);
    expect(state.configs[0]).toMatchObject({ learningRate: 0.05, cell: 'gru', seed: 1 });
  });

  it('adds configuration B only for a known b. key whose value can be used', () => {
    expect(parsePlaygroundState('?b.cell=gru').configs.map((config) => config.cell)).toEqual(['lstm', 'gru']);
    const unknown = parsePlaygroundState('?b.whatever=1');
    expect(unknown.configs).toHaveLength(1);
    expect(unknown.notices).toEqual(['Ignored: b.whatever (unknown).']);
    const refused = parsePlaygroundState('?b.hidden=0');
    expect(refused.configs).toHaveLength(1);
    expect(refused.notices).toEqual([
      'Hidden size (configuration B) must be a whole number from 1 to 256. The link gave "0"; using 32.',
      'Configuration B was not added: none of its settings could be used.',
    ]);
  });

  it('says that c. keys without a usable B become configuration B, and keeps their values', () => {
    const alone = parsePlaygroundState('?c.cell=gru');
    expect(alone.configs.map((config) => config.cell)).toEqual(['lstm', 'gru']);
    expect(alone.notices).toEqual(['Configuration C is shown as configuration B, since there is no B.']);
    const refusedB = parsePlaygroundState('?b.hidden=0&c.cell=rnn');
    expect(refusedB.configs.map((config) => config.cell)).toEqual(['lstm', 'rnn']);
    expect(refusedB.notices).toContain('Configuration C is shown as configuration B, since there is no B.');
    const both = parsePlaygroundState('?b.cell=gru&c.cell=rnn');
    expect(both.configs.map((config) => config.cell)).toEqual(['lstm', 'gru', 'rnn']);
    expect(both.notices).toEqual([]);
  });

  it('names a setting that does not apply to its configuration instead of dropping it silently', () => {
    const fixed = parsePlaygroundState('?minlen=10&maxlen=30');
    expect(fixed.configs[0]!.batching).toEqual({ kind: 'fixed' });
    expect(fixed.notices).toEqual([
      'Shortest sequence: "10" is not used; it applies only with padding or length buckets.',
      'Longest sequence: "30" is not used; it applies only with padding or length buckets.',
    ]);
    const padded = parsePlaygroundState('?batching=padding&minlen=10&maxlen=30');
    expect(padded.configs[0]!.batching).toMatchObject({ kind: 'padding', minSteps: 10, maxSteps: 30 });
    expect(padded.notices).toEqual([]);
    expect(parsePlaygroundState('?opt=adam&momentum=0.5').notices).toEqual([
      'Momentum: "0.5" is not used; it applies only with the momentum optimiser.',
    ]);
    expect(parsePlaygroundState('?task=sine&lag=5').notices).toEqual([
      'Lag: "5" is not used; it applies only with the recall task.',
    ]);
    const onlyB = parsePlaygroundState('?b.buckets=3');
    expect(onlyB.configs).toHaveLength(1);
    expect(onlyB.notices).toEqual([
      'Buckets (configuration B): "3" is not used; it applies only with length buckets.',
      'Configuration B was not added: none of its settings could be used.',
    ]);
  });

  it('says why buckets cannot be used with a task of one length, instead of calling the value unknown', () => {
    const state = parsePlaygroundState('?task=sine&batching=buckets');
    expect(state.configs[0]!.batching.kind).toBe('fixed');
    expect(state.notices).toHaveLength(1);
    expect(state.notices[0]).toMatch(
      /^Batching: "buckets" is not used\. Length buckets need sequences of varying length, which only the recall and adding tasks have; the sine forecast task batches its sequences at one length\./,
    );
    expect(state.notices[0]).not.toMatch(/one of fixed, padding, buckets/);
    expect(parsePlaygroundState('?batching=buckets').configs[0]!.batching.kind).toBe('buckets');
  });

  it("bounds a task's own length by that task, not by another task's", () => {
    const state = parsePlaygroundState('?task=chars&steps=500');
    expect(state.notices[0]).toMatch(/^Sequence length must be a whole number from 4 to 128\./);
  });

  it('reads decimal commas as the quiz does, and asks about one that reads two ways', () => {
    expect(parsePlaygroundState('?lr=0,005').configs[0]!.learningRate).toBe(0.005);
    const ambiguous = parsePlaygroundState('?until=1,500');
    expect(ambiguous.maxSteps).toBe(3000);
    expect(ambiguous.notices[0]).toBe(
      'Steps to train: Did you mean 1.5 or 1500? Type it without the comma. The link gave "1,500"; using 3000.',
    );
    const hidden = parsePlaygroundState('?hidden=1,024');
    expect(hidden.notices[0]).toMatch(/^Hidden size: Did you mean 1\.024 or 1024\?/);
  });
});

describe('addresses with a query inside the hash', () => {
  it('route the playground and lessons whether the query is before or inside the hash', () => {
    expect(playgroundRoute.test('/playground')).toBe(true);
    expect(playgroundRoute.test('/playground?cell=gru')).toBe(true);
    expect(playgroundRoute.test('/playgrounds')).toBe(false);
    expect('/lessons/03-lstm?x=1'.match(lessonRoute)?.groups).toMatchObject({ slug: '03-lstm' });
    expect('/lessons/03-lstm/check-yourself?x=1'.match(lessonRoute)?.groups).toMatchObject({
      slug: '03-lstm',
      section: 'check-yourself',
    });
  });

  it('read the query typed inside the hash first, else the one before it', () => {
    expect(pageQuery('/playground?cell=gru', 'lr=1')).toBe('cell=gru');
    expect(pageQuery('/playground', '?lr=1')).toBe('lr=1');
    expect(pageQuery('/playground', '')).toBe('');
  });
});
