import type { CellKind } from '../../engine/types';
import { Tex } from '../components/Tex';
import { CELL_KINDS, countRecurrentParams } from '../engine';
import { formatCount } from '../figures/frame/figureText';
import { cellLabels } from '../figures/frame/palette';

/** Input and hidden sizes counted on the page: the course's examples, and a few far apart. */
export const PARAMETER_SIZES: readonly { readonly input: number; readonly hidden: number }[] = [
  { input: 1, hidden: 1 },
  { input: 8, hidden: 32 },
  { input: 10, hidden: 20 },
  { input: 11, hidden: 32 },
  { input: 64, hidden: 128 },
  { input: 300, hidden: 1024 },
];

const cells: readonly CellKind[] = CELL_KINDS;

/** GRU ÷ LSTM as an exact decimal, e.g. "0.75". */
export function gruToLstmRatio(input: number, hidden: number): number {
  return countRecurrentParams('gru', input, hidden).total / countRecurrentParams('lstm', input, hidden).total;
}

/**
 * The parameter counts of one recurrent layer of each cell, computed by the engine for several sizes,
 * with the formula they follow and the GRU ÷ LSTM ratio of each row.
 */
export function ParameterClaim() {
  const ratios = PARAMETER_SIZES.map(({ input, hidden }) => gruToLstmRatio(input, hidden));
  const same = ratios.every((ratio) => ratio === ratios[0]);
  return (
    <div className="claim-measure">
      <p>
        A layer with <Tex>{'G'}</Tex> weight blocks has <Tex>{'G \\cdot H \\cdot (I + H + 2)'}</Tex>{' '}
        parameters (input weights <Tex>{'H \\times I'}</Tex>, recurrent weights <Tex>{'H \\times H'}</Tex> and
        two biases of length <Tex>{'H'}</Tex> per block), with <Tex>{'G = 1'}</Tex> for the RNN,{' '}
        <Tex>{'G = 4'}</Tex> for the LSTM and <Tex>{'G = 3'}</Tex> for the GRU, so the ratio is{' '}
        <Tex>{'3/4'}</Tex> whatever <Tex>{'I'}</Tex> and <Tex>{'H'}</Tex> are. Counted by the engine:
      </p>
      <div className="claim-table-wrapper">
        <table className="claim-table">
          <caption>Parameters of one recurrent layer (weights and both biases)</caption>
          <thead>
            <tr>
              <th scope="col">Input size I</th>
              <th scope="col">Hidden size H</th>
              {cells.map((cell) => (
                <th scope="col" key={cell}>
                  {cellLabels[cell]}
                </th>
              ))}
              <th scope="col">GRU ÷ LSTM</th>
            </tr>
          </thead>
          <tbody>
            {PARAMETER_SIZES.map(({ input, hidden }, row) => (
              <tr key={`${input}-${hidden}`}>
                <td>{input}</td>
                <td>{hidden}</td>
                {cells.map((cell) => (
                  <td key={cell}>{formatCount(countRecurrentParams(cell, input, hidden).total)}</td>
                ))}
                <td>{ratios[row]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="widget-result">
        {same
          ? `Every row gives GRU ÷ LSTM = ${ratios[0]}: ${Math.round((1 - ratios[0]!) * 100)}% fewer parameters, exactly.`
          : `The ratio differs between sizes: ${ratios.join(', ')}.`}{' '}
        For a whole model the saving is smaller, since the output layer is the same for both.
      </p>
    </div>
  );
}
