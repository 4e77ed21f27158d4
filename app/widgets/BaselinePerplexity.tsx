import { useDeferredValue, useId, useMemo, useState } from 'react';
import { FigureNotice } from '../figures/frame/FigureNotice';
import { formatNumber, plural } from '../shared/format';
import { baselineScores, MAX_BASELINE_CHARACTERS } from './baselineScores';
import './widgets.css';

// A starting text written for this widget: ordinary English, long enough for the bigram to beat the
// unigram. The reader replaces it with anything.
const STARTING_TEXT =
  'the cat sat on the mat and the dog sat on the log. the cat saw the dog and the dog saw the cat. then the cat ran to the mat and the dog ran to the log, and that was the end of the day for the cat and the dog.';

/**
 * The two counting baselines of any text the reader types, with the uniform guess beside them: the
 * perplexity a language model has to beat. Scored as the reader types (a deferred value, so typing
 * never waits for it).
 */
export function BaselinePerplexity({
  notice,
}: {
  /** What to notice, for the lesson's point (see FigureNotice). */
  readonly notice: string;
}) {
  const [text, setText] = useState(STARTING_TEXT);
  const deferred = useDeferredValue(text);
  const scores = useMemo(() => baselineScores(deferred), [deferred]);
  const fieldId = useId();
  const resultId = useId();
  return (
    <section className="baseline-perplexity" aria-labelledby={`${fieldId}-title`}>
      <h3 id={`${fieldId}-title`} className="figure-title">
        Baselines of your own text
      </h3>
      <FigureNotice
        notice={notice}
        update={{ key: deferred, label: `Updated for ${plural(deferred.length, 'character')} of text` }}
      />
      <label htmlFor={fieldId} className="widget-intro">
        Type or paste a text (up to {formatNumber(MAX_BASELINE_CHARACTERS)} characters are used). The first
        80% is counted; the last 20% is scored.
      </label>
      <textarea
        id={fieldId}
        className="perplexity-text"
        value={text}
        spellCheck={false}
        aria-describedby={resultId}
        onChange={(event) => setText(event.target.value)}
      />
      <div id={resultId}>
        {scores.ok ? (
          <>
            <table className="perplexity-table">
              <caption className="visually-hidden">Held-out scores of three models that only count</caption>
              <thead>
                <tr>
                  <th scope="col">Model</th>
                  <th scope="col">Cross-entropy (nats per character)</th>
                  <th scope="col">Perplexity</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">Uniform guess</th>
                  <td>{formatNumber(Math.log(scores.vocabularySize))}</td>
                  <td>{formatNumber(scores.vocabularySize)}</td>
                </tr>
                <tr>
                  <th scope="row">Unigram</th>
                  <td>{formatNumber(scores.unigram.crossEntropy)}</td>
                  <td>{formatNumber(scores.unigram.perplexity)}</td>
                </tr>
                <tr>
                  <th scope="row">Bigram</th>
                  <td>{formatNumber(scores.bigram.crossEntropy)}</td>
                  <td>{formatNumber(scores.bigram.perplexity)}</td>
                </tr>
              </tbody>
            </table>
            <p className="widget-status">
              {plural(scores.vocabularySize, 'distinct character')}; counted in the first{' '}
              {plural(scores.training, 'character')}, scored on the last {plural(scores.scored, 'character')}.
              {scores.cut
                ? ` Only the first ${formatNumber(MAX_BASELINE_CHARACTERS)} characters were used.`
                : ''}
              {scores.bigram.perplexity >= scores.unigram.perplexity
                ? ' Here the bigram does no better than the unigram: too few pairs were seen to count them reliably.'
                : ''}
            </p>
          </>
        ) : (
          <p className="widget-status">{scores.message}</p>
        )}
      </div>
    </section>
  );
}
