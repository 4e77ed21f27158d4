import { useId, useState } from 'react';
import '../frame/basicFigures.css';
import { PaddingBucketsChart } from './PaddingBucketsChart';
import { sampleLengths } from './paddingPlans';

export { PaddingBucketsChart, type PaddingBucketsChartProps } from './PaddingBucketsChart';

export interface PaddingBucketsProps {
  /** What to notice, for the lesson's point (see FigureNotice). */
  readonly notice: string;
  /** Sequences in the batch (default 16). */
  readonly count?: number;
  /** Seed of the first batch; "New batch" moves to the next seed, so every batch replays. */
  readonly initialSeed?: number;
  /** Sequences per batch (default: all of them in one batch). */
  readonly batchSize?: number;
  readonly initialBuckets?: number;
  readonly maxBuckets?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  /** Width in CSS pixels; measured from the page when omitted. */
  readonly width?: number;
}

/** (h) Padding vs bucketing with its own controls: how many buckets, and a new (seeded) batch. */
export function PaddingBuckets({
  count = 16,
  initialSeed = 1,
  batchSize,
  initialBuckets = 4,
  maxBuckets = 8,
  minLength = 2,
  maxLength = 24,
  width,
  notice,
}: PaddingBucketsProps) {
  const id = useId();
  const [seed, setSeed] = useState(initialSeed);
  const [buckets, setBuckets] = useState(Math.min(maxBuckets, Math.max(1, initialBuckets)));
  const lengths = sampleLengths(seed, count, minLength, maxLength);
  const controls = (
    <>
      <div className="figure-field">
        <label htmlFor={id}>Buckets</label>
        <input
          id={id}
          type="range"
          min={1}
          max={maxBuckets}
          step={1}
          value={buckets}
          onChange={(event) => setBuckets(Number(event.target.value))}
        />
        <output htmlFor={id} className="figure-value">
          {buckets}
        </output>
      </div>
      <button type="button" onClick={() => setSeed((now) => now + 1)}>
        New batch
      </button>
      <span className="muted" aria-live="polite">
        batch #{seed - initialSeed + 1} (seed {seed})
      </span>
    </>
  );
  return (
    <PaddingBucketsChart
      lengths={lengths}
      batchSize={batchSize}
      buckets={buckets}
      width={width}
      controls={controls}
      notice={notice}
      update={{
        key: `${seed}:${buckets}`,
        label: `Updated: batch #${seed - initialSeed + 1}, ${buckets} bucket${buckets === 1 ? '' : 's'}`,
      }}
    />
  );
}
