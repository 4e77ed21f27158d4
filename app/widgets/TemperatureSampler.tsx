import { useEffect, useId, useMemo, useState } from 'react';
import { AtWidth } from '../figures/charts/LineChartFigure';
import { FigureFrame } from '../figures/frame/FigureFrame';
import { loadTextBigrams, repetitionMeasure, sampleFrom, type TextBigrams } from '../quiz/bigramSampling';
import { formatNumber, formatPercent } from '../shared/format';
import { NextCharacterBars } from './NextCharacterBars';
import { nextCharacters, showCharacter } from './nextCharacters';
import './widgets.css';

/** The characters a reader can put before the prediction: common, rare and white space. */
const CONTEXTS = ['t', 'q', ' ', 'e', '('] as const;
const BARS = 8;
const SAMPLE_LENGTH = 120;

type Loaded =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly bigrams: TextBigrams }
  | {
      readonly status: 'failed';
      readonly message: string;
    };

/**
 * Temperature on a real next-character distribution: the bigram model of this course's prose (which
 * character follows which, counted), its most likely next characters as bars that change as the slider
 * moves, and a sample drawn from the model at that temperature. Nothing is trained; all of it takes a
 * few milliseconds on the page's thread.
 */
export function TemperatureSampler({
  notice,
  width,
}: {
  /** What to notice, for the lesson's point (see FigureNotice). */
  readonly notice: string;
  readonly width?: number;
}) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [context, setContext] = useState<string>('t');
  const [temperature, setTemperature] = useState(1);
  const [seed, setSeed] = useState(1);
  const sliderId = useId();

  useEffect(() => {
    let live = true;
    loadTextBigrams('course-prose')
      .then((bigrams) => live && setLoaded({ status: 'ready', bigrams }))
      .catch((error: unknown) => {
        if (live)
          setLoaded({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      live = false;
    };
  }, []);

  const bigrams = loaded.status === 'ready' ? loaded.bigrams : null;
  const data = useMemo(
    () => (bigrams ? nextCharacters(bigrams, context, temperature, BARS) : null),
    [bigrams, context, temperature],
  );
  const sample = useMemo(
    () => (bigrams ? sampleFrom(bigrams, ' ', SAMPLE_LENGTH, temperature, seed) : null),
    [bigrams, temperature, seed],
  );

  if (loaded.status === 'failed') {
    return (
      <p className="widget-result" data-tone="bad">
        The course text could not be loaded: {loaded.message}
      </p>
    );
  }
  if (!bigrams || !data || !sample) return <p className="widget-status">Counting the course’s characters…</p>;

  const top = data.bars[0]!;
  const shownContext = showCharacter(context);
  const description = `After “${shownContext}”, at temperature ${formatNumber(temperature, 2)}, the most likely next character “${top.shown}” gets ${formatPercent(top.tempered, 1)}${temperature === 1 ? '' : ` (${formatPercent(top.base, 1)} at temperature 1)`}, and the ${data.vocabularySize - data.bars.length} characters without a bar share ${formatPercent(data.restTempered, 1)}.`;
  const controls = (
    <div className="temperature-controls">
      <fieldset className="widget-segmented">
        <legend>Previous character</legend>
        {CONTEXTS.map((option) => (
          <label key={option}>
            <input
              type="radio"
              name={`${sliderId}-context`}
              checked={context === option}
              onChange={() => setContext(option)}
            />{' '}
            {option === ' ' ? 'a space' : `“${option}”`}
          </label>
        ))}
      </fieldset>
      <label htmlFor={sliderId} className="temperature-label">
        Temperature <output htmlFor={sliderId}>{formatNumber(temperature, 2)}</output>
      </label>
      <input
        id={sliderId}
        type="range"
        min={0.1}
        max={2}
        step={0.1}
        value={temperature}
        onChange={(event) => setTemperature(Number(event.target.value))}
      />
    </div>
  );
  return (
    <div className="temperature-sampler">
      <FigureFrame
        title="Temperature on the next character"
        description={description}
        exportName="temperature-next-character"
        controls={controls}
        notice={notice}
        update={{
          key: `${context}:${temperature}:${seed}`,
          label: `Updated: after “${shownContext}” at temperature ${formatNumber(temperature, 2)}, sample ${seed}`,
        }}
        table={{
          caption: `Next character after “${shownContext}” in the course's prose`,
          columns: [
            'Character',
            'Probability at temperature 1',
            `At temperature ${formatNumber(temperature, 2)}`,
          ],
          rows: [
            ...data.bars.map((bar) => [
              bar.shown,
              formatPercent(bar.base, 2),
              formatPercent(bar.tempered, 2),
            ]),
            ['all others', formatPercent(data.restBase, 2), formatPercent(data.restTempered, 2)],
          ],
        }}
      >
        <AtWidth width={width}>
          {(available) => <NextCharacterBars data={data} width={Math.min(available, 900)} />}
        </AtWidth>
      </FigureFrame>
      <div className="temperature-sample">
        <p className="widget-status">
          {SAMPLE_LENGTH} characters sampled at temperature {formatNumber(temperature, 2)} (seed {seed}), each
          given the one before it; {formatPercent(repetitionMeasure(sample.codes), 0)} of its 4-character
          stretches are distinct:
        </p>
        <p className="temperature-sample-text">
          <samp>{sample.text}</samp>
        </p>
        <div className="widget-buttons">
          <button type="button" onClick={() => setSeed((value) => value + 1)}>
            Draw another sample
          </button>
        </div>
      </div>
    </div>
  );
}
