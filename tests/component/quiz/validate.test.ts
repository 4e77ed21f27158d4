import { describe, expect, it } from 'vitest';
import type { Question } from '../../../app/lessonTypes';
import { validateGlossary, validateQuestions } from '../../../app/quiz/validate';
import { allKinds, multiple, numeric, ordering, predict, single } from './fixtures';

// Malformed data arrives from hand-written TypeScript that may not type-check (or from plain JS).
const malformed = (question: unknown) => [question] as unknown as readonly Question[];

describe('validateQuestions on a sampling experiment', () => {
  const sampling = {
    ...predict,
    experiment: {
      kind: 'sampling',
      description: 'how repetitive the samples are',
      text: 'course-prose',
      primer: ' ',
      length: 200,
      seed: 1,
      runs: [
        { id: 'rnn', label: 'Temperature 0.2', temperature: 0.2 },
        { id: 'lstm', label: 'Temperature 2', temperature: 2 },
      ],
      measure: 'distinctFourGrams',
      winner: 'lowest',
      tieWithin: 0.05,
    },
  };

  it('accepts a well-formed one, whose run ids are the choices', () => {
    expect(validateQuestions('00-test', malformed(sampling))).toEqual([]);
  });

  it('names a text, primer, length, measure and temperature it cannot use', () => {
    const problems = validateQuestions(
      '00-test',
      malformed({
        ...sampling,
        experiment: {
          ...sampling.experiment,
          text: 'war-and-peace',
          primer: 'th',
          length: 5000,
          measure: 'finalLoss',
          runs: [
            { id: 'rnn', label: 'Cold', temperature: 0 },
            { id: 'lstm', label: 'Hot', temperature: 2 },
          ],
        },
      }),
    ).join('\n');
    expect(problems).toMatch(/the text must be one of course-prose, toy-code, rivers; got war-and-peace/);
    expect(problems).toMatch(/the primer must be one character/);
    expect(problems).toMatch(/the sample length must be a whole number from 4 to 2000; got 5000/);
    expect(problems).toMatch(/a sampling experiment measures 'distinctFourGrams'; got finalLoss/);
    expect(problems).toMatch(/run "rnn": the temperature must be from 0.05 to 5; got 0/);
  });
});

describe('validateQuestions', () => {
  it('finds nothing wrong with well-formed questions of every kind', () => {
    expect(validateQuestions('00-test', allKinds)).toEqual([]);
  });

  it.each([
    [
      'a duplicate id',
      [single, { ...multiple, id: single.id }],
      /question "q-single": the id is used by an earlier question/,
    ],
    [
      'a single answer not among the choices',
      [{ ...single, answer: 'missing' }],
      /the answer "missing" is not among the choices/,
    ],
    ['an empty answer list', [{ ...multiple, answers: [] }], /answers must list at least one choice/],
    [
      'an unknown multiple answer',
      [{ ...multiple, answers: ['any-length', 'nope'] }],
      /the answer "nope" is not among/,
    ],
    [
      'an ordering of two items',
      [{ ...ordering, items: ordering.items.slice(0, 2) }],
      /at least 3 items; has 2/,
    ],
    [
      'a negative tolerance',
      [{ ...numeric, tolerance: -1 }],
      /tolerance must be a finite number ≥ 0; got -1/,
    ],
    [
      'an infinite tolerance',
      [{ ...numeric, tolerance: Number.POSITIVE_INFINITY }],
      /tolerance must be a finite/,
    ],
    ['a NaN answer', [{ ...numeric, answer: Number.NaN }], /answer must be a finite number/],
    [
      'a duplicate choice id',
      [{ ...single, choices: [single.choices[0], single.choices[0]] }],
      /choice id "square" is used twice/,
    ],
    ['an empty hint', [{ ...single, hint: ' ' }], /hint must be a non-empty string/],
    ['an unmatched dollar', [{ ...single, prompt: 'Costs $5 today' }], /prompt has an unmatched \$/],
    [
      'TeX KaTeX cannot read',
      [{ ...single, explanation: 'See $\\frac{1}$.' }],
      /explanation has TeX KaTeX cannot read/,
    ],
  ])('reports %s', (_label, questions, problem) => {
    const problems = validateQuestions('00-test', questions as readonly Question[]);
    expect(problems.join('\n')).toMatch(problem);
    expect(problems[0]).toMatch(/^lessons\/00-test\/quiz\.ts, question/);
  });

  it('reports predict choices that match no run, runs without a choice, and a tie without tieWithin', () => {
    const problems = validateQuestions('00-test', [
      {
        ...predict,
        experiment: { ...predict.experiment, tieWithin: undefined },
        choices: [predict.choices[0]!, predict.choices[2]!, { id: 'gru', text: 'GRU', feedback: '…' }],
      },
    ]).join('\n');
    expect(problems).toMatch(/choice "gru" is neither a run id nor "tie"/);
    expect(problems).toMatch(/run "lstm" has no choice to predict it/);
    expect(problems).toMatch(/a "tie" choice needs experiment.tieWithin/);
  });

  it('reports an explain step that is missing, explains no choice, or has too few reasons or no right one', () => {
    const { explain: _dropped, ...withoutExplain } = predict;
    expect(validateQuestions('00-test', malformed(withoutExplain)).join('\n')).toMatch(
      /needs an explain step/,
    );
    const problems = validateQuestions('00-test', [
      {
        ...predict,
        explain: {
          ...predict.explain,
          outcome: 'gru',
          answer: 'nope',
          choices: predict.explain.choices.slice(0, 2),
        },
      },
    ]).join('\n');
    expect(problems).toMatch(/the explained outcome "gru" is not among the choices/);
    expect(problems).toMatch(/explain: needs at least 3 choices; has 2/);
    expect(problems).toMatch(/the explain answer "nope" is not among its choices/);
    expect(validateQuestions('00-test', [predict])).toEqual([]);
  });

  it('reports experiments too long or configured in a way the engine refuses', () => {
    const problems = validateQuestions('00-test', [
      {
        ...predict,
        experiment: {
          ...predict.experiment,
          steps: 5001,
          runs: [
            { id: 'rnn', label: 'RNN', config: { cell: 'rnn', hiddenSize: 0 } },
            { id: 'lstm', label: 'LSTM', config: { learningRate: -1 } },
          ],
        },
      },
    ]).join('\n');
    expect(problems).toMatch(/experiment steps must be a whole number from 1 to 5000; got 5001/);
    expect(problems).toMatch(/run "rnn": Hidden size must be from 1 to 256/);
    expect(problems).toMatch(/run "lstm": .*learning rate/i);
  });

  it('survives data of any shape without throwing', () => {
    expect(validateQuestions('00-test', malformed(null))).toHaveLength(1);
    expect(validateQuestions('00-test', malformed({ id: 'x', kind: 'essay' })).join('\n')).toMatch(
      /the kind must be one of/,
    );
    expect(
      validateQuestions(
        '00-test',
        malformed({ id: 'p', kind: 'predict', prompt: 'p', hint: 'h', explanation: 'e' }),
      ),
    ).not.toEqual([]);
    expect(validateQuestions('00-test', 'nope' as unknown as readonly Question[])).toEqual([
      'lessons/00-test/quiz.ts: must export questions as a list.',
    ]);
  });
});

describe('validateGlossary', () => {
  it('accepts terms with TeX and reports empty, duplicate and unreadable ones', () => {
    expect(validateGlossary('00-test', [{ term: 'hidden state', definition: 'The vector $h_t$.' }])).toEqual(
      [],
    );
    const problems = validateGlossary('00-test', [
      { term: 'gate', definition: 'A sigmoid.' },
      { term: 'Gate', definition: 'Again.' },
      { term: 'bad', definition: '$\\frac{$' },
      { term: '', definition: 'x' },
    ]).join('\n');
    expect(problems).toMatch(/"Gate": is defined twice/);
    expect(problems).toMatch(/"bad": the definition has/);
    expect(problems).toMatch(/term 4: needs a term/);
  });
});
