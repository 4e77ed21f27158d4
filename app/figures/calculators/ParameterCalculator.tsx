import { type CSSProperties, useState } from 'react';
import type { CellKind } from '../../../engine/types';
import '../frame/basicFigures.css';
import { countRecurrentParams, GATE_NAMES } from '../../engine';
import { formatPercent } from '../../shared/format';
import { FigureFrame, type FigureTable } from '../frame/FigureFrame';
import { formatCount } from '../frame/figureText';
import { cellColors, cellLabels } from '../frame/palette';
import { Responsive } from '../frame/Responsive';
import { blockCells, blockFills, blockLayout, ParameterBlocks } from './ParameterBlocks';
import { parseSize, SizeField } from './SizeField';

export interface ParameterCalculatorProps {
  /** What to notice, for the lesson's point (see FigureNotice). */
  readonly notice: string;
  readonly initialInputSize?: number;
  readonly initialHiddenSize?: number;
  /** Output size of a dense head after the layer; omitted = no head. */
  readonly initialOutputSize?: number;
  /** Width of the drawing in CSS pixels; measured from the page when omitted. */
  readonly width?: number;
}

const dot = ' · ';

/** (g) Parameter counts of RNN, LSTM and GRU layers at any sizes, with the formula written out. */
export function ParameterCalculator({
  initialInputSize = 8,
  initialHiddenSize = 32,
  initialOutputSize,
  width,
  notice,
}: ParameterCalculatorProps) {
  const [text, setText] = useState({
    input: String(initialInputSize),
    hidden: String(initialHiddenSize),
    output: initialOutputSize === undefined ? '' : String(initialOutputSize),
  });
  const [valid, setValid] = useState({
    I: parseSize(String(initialInputSize)) ?? 8,
    H: parseSize(String(initialHiddenSize)) ?? 32,
    O: initialOutputSize === undefined ? null : parseSize(String(initialOutputSize)),
  });
  const update = (field: 'input' | 'hidden' | 'output', value: string) => {
    setText((now) => ({ ...now, [field]: value }));
    const parsed = parseSize(value);
    if (field === 'output' && value.trim() === '') setValid((now) => ({ ...now, O: null }));
    else if (parsed !== null) {
      const key = field === 'input' ? 'I' : field === 'hidden' ? 'H' : 'O';
      setValid((now) => ({ ...now, [key]: parsed }));
    }
  };
  const { I, H, O } = valid;
  const counts = Object.fromEntries(
    blockCells.map((cell) => [cell, countRecurrentParams(cell, I, H)]),
  ) as Record<CellKind, ReturnType<typeof countRecurrentParams>>;
  const head = O === null ? 0 : O * (H + 1);
  const ratio = counts.gru.total / counts.lstm.total;
  const ratioWithHead = (counts.gru.total + head) / (counts.lstm.total + head);
  const table: FigureTable = {
    caption: `Parameters at input size ${I}, hidden size ${H}${O === null ? '' : `, output size ${O}`}`,
    columns: [
      'cell',
      'gate blocks',
      'W_ih',
      'W_hh',
      'b_ih',
      'b_hh',
      'layer total',
      ...(O === null ? [] : ['with head']),
    ],
    rows: blockCells.map((cell) => {
      const count = counts[cell];
      return [
        cellLabels[cell],
        `${count.gates.length} (${GATE_NAMES[cell].join(', ')})`,
        formatCount(count.Wih),
        formatCount(count.Whh),
        formatCount(count.bih),
        formatCount(count.bhh),
        formatCount(count.total),
        ...(O === null ? [] : [formatCount(count.total + head)]),
      ];
    }),
  };
  const description = `Input size I = ${I}, hidden size H = ${H}: an RNN layer has ${formatCount(counts.rnn.total)} parameters, an LSTM ${formatCount(counts.lstm.total)}, a GRU ${formatCount(counts.gru.total)}${O === null ? '' : `, plus ${formatCount(head)} in a dense head of ${O} outputs`}. The blocks are drawn to one scale: area is parameter count.`;
  const drawing = (drawWidth: number) => (
    <>
      <ParameterBlocks inputSize={I} hiddenSize={H} width={drawWidth} />
      {blockLayout(I, H, drawWidth).enlarged && (
        <p className="figure-note">
          Some thin blocks are drawn wider than their share so that they stay visible.
        </p>
      )}
    </>
  );

  return (
    <FigureFrame
      title="Parameter count: RNN, LSTM, GRU"
      description={description}
      table={table}
      exportName="parameter-count"
      notice={notice}
      update={{
        key: `${I}:${H}:${O}`,
        label: `Updated: I = ${I}, H = ${H}${O === null ? '' : `, O = ${O}`}`,
      }}
      controls={
        <>
          <SizeField
            label="Input size"
            symbol="I"
            text={text.input}
            shown={I}
            onText={(v) => update('input', v)}
          />
          <SizeField
            label="Hidden size"
            symbol="H"
            text={text.hidden}
            shown={H}
            onText={(v) => update('hidden', v)}
          />
          <SizeField
            label="Output size"
            symbol="O"
            text={text.output}
            shown={O}
            optional
            onText={(v) => update('output', v)}
          />
        </>
      }
    >
      {width !== undefined ? drawing(width) : <Responsive>{drawing}</Responsive>}
      <p className="figure-note">
        Left to right in each strip: <b>W_ih</b> (I columns), <b>W_hh</b> (H columns), then <b>b_ih</b> and{' '}
        <b>b_hh</b> (one column each). One strip of H rows per gate block, in PyTorch’s order.
      </p>
      <ul className="param-cards">
        {blockCells.map((cell) => {
          const count = counts[cell];
          const G = count.gates.length;
          return (
            <li
              key={cell}
              className="param-card"
              style={{ '--card-color': blockFills(cell).bias } as CSSProperties}
              aria-label={`${cellLabels[cell]}: ${formatCount(count.total)} parameters`}
            >
              <h4 style={{ color: 'inherit' }}>
                <span style={{ color: cellColors[cell] }}>■</span> {cellLabels[cell]}
              </h4>
              <div className="muted">
                {G === 1 ? '1 block (no gates)' : `${G} gate blocks: ${GATE_NAMES[cell].join(', ')}`}
              </div>
              <div className="param-formula">
                <span>
                  {G}
                  {dot}H{dot}(I + H + 2)
                </span>{' '}
                <span>
                  = {G}
                  {dot}
                  {H}
                  {dot}({I} + {H} + 2)
                </span>{' '}
                <span>
                  = <span className="param-total">{formatCount(count.total)}</span>
                </span>
              </div>
              <div className="param-formula muted">
                <span>W_ih {formatCount(count.Wih)}</span> + <span>W_hh {formatCount(count.Whh)}</span> +{' '}
                <span>b_ih {formatCount(count.bih)}</span> + <span>b_hh {formatCount(count.bhh)}</span>
              </div>
              {O !== null && (
                <div className="param-formula">
                  + head O{dot}(H + 1) = {O}
                  {dot}
                  {H + 1} = {formatCount(head)} → {formatCount(count.total + head)} in all
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <p className="param-ratio" data-ratio={ratio}>
        GRU / LSTM = {formatCount(counts.gru.total)} / {formatCount(counts.lstm.total)} = {ratio.toFixed(2)}:
        the GRU has {formatPercent(1 - ratio)} fewer parameters at the same sizes (3 gate blocks against 4).
        {O !== null &&
          ` With the same dense head on both, the ratio is ${ratioWithHead.toFixed(2)} (${formatPercent(1 - ratioWithHead)} fewer).`}
      </p>
      <p className="figure-note">
        Why “+ 2”: PyTorch, like cuDNN, keeps two bias vectors per gate block, b_ih and b_hh, of H numbers
        each. One would do mathematically; the app follows PyTorch’s layout so that its weights load
        unchanged.
      </p>
    </FigureFrame>
  );
}
