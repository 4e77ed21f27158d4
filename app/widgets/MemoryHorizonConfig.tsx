import type { HorizonPlan } from './horizonSetup';

/** The settings every run of the sweep uses, spelled out under the chart. */
export function HorizonConfig({ plan, seeds }: { plan: HorizonPlan; seeds?: readonly number[] }) {
  return (
    <div className="widget-config">
      <dl>
        <dt>Task</dt>
        <dd>
          recall: one of {plan.symbols} symbols, {plan.distractors} distractor symbols in the gap, lags{' '}
          {plan.lags.join(', ')}; 256 held-out sequences
        </dd>
        <dt>Model</dt>
        <dd>one layer of {plan.hiddenSize} hidden units and a dense softmax output</dd>
        <dt>Training</dt>
        <dd>
          Adam, learning rate 0.01, batch {plan.batchSize}, global-norm clipping at 1, up to {plan.maxSteps}{' '}
          steps, held-out accuracy measured every {plan.checkpointEvery} steps; LSTM forget-gate bias{' '}
          {plan.lstmForgetBias}, so its forget gates start nearly open (σ(
          {plan.lstmForgetBias}) ≈ {(1 / (1 + Math.exp(-plan.lstmForgetBias))).toFixed(2)}) and the cell state
          lasts from the first step. With a bias of 1 it learns long lags far more slowly: try it in the
          playground.
        </dd>
        {seeds ? (
          <>
            <dt>Seeds</dt>
            <dd>{seeds.join(', ')} (each its own weights and data, the same every time)</dd>
          </>
        ) : (
          <>
            <dt>Seed</dt>
            <dd>{plan.seed} (the same weights and data every time)</dd>
          </>
        )}
      </dl>
    </div>
  );
}
