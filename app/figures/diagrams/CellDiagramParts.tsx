import { divergingMap, inkOn, missingColor, sequentialMap } from '../frame/colorScales';
import { formatValue } from '../frame/gates';
import type { DiagramBox, DiagramLayout, DiagramPort } from './cellDiagramLayout';

/** A gate: its function in a box coloured by its value; beneath, its letter, name and value. */
export function GateBox({
  gateBox,
  layout,
  value,
  name,
}: {
  gateBox: DiagramBox;
  layout: DiagramLayout;
  value: number;
  name: string;
}) {
  const { box, compact } = layout;
  const fill = !Number.isFinite(value)
    ? missingColor
    : gateBox.fn === 'σ'
      ? sequentialMap(value)
      : divergingMap((value + 1) / 2);
  const below = gateBox.y + box.height / 2 + (compact ? 15 : 20);
  return (
    <g data-gate={gateBox.key}>
      <rect
        className="cell-gate-box"
        x={gateBox.x - box.width / 2}
        y={gateBox.y - box.height / 2}
        width={box.width}
        height={box.height}
        rx={5}
        style={{ fill }}
      />
      {/* Compact: the value goes in the box; wide: the function (σ, tanh) does, the value beneath. */}
      <text
        className={compact ? 'cell-gate-fn cell-gate-value' : 'cell-gate-fn'}
        x={gateBox.x}
        y={gateBox.y}
        dominantBaseline="central"
        textAnchor="middle"
        style={{ fill: inkOn(fill) }}
      >
        {compact ? formatValue(value) : gateBox.fn}
      </text>
      <text className="cell-gate-label" x={gateBox.x} y={below} textAnchor="middle">
        <tspan className="gates-symbol">{gateBox.key}</tspan>
        {!compact && (
          <>
            <tspan className="gates-name"> {name}</tspan>
            <tspan className="cell-gate-value" x={gateBox.x} dy="1.25em">
              {formatValue(value)}
            </tspan>
          </>
        )}
      </text>
    </g>
  );
}

/** Where a state enters or leaves: its symbol above the wire and value below; x enters from beneath. */
export function Port({ port, text }: { port: DiagramPort; text: string }) {
  const symbol = (
    <>
      <tspan className="cell-port-symbol">{port.symbol}</tspan>
      <tspan className="cell-port-subscript" dy="0.3em">
        {port.subscript}
      </tspan>
    </>
  );
  if (port.value === 'input') {
    return (
      <g className="cell-port" data-port={port.id}>
        <text x={port.x + 8} y={port.y - 6}>
          {symbol}
          <tspan className="cell-port-value" dy="-0.3em">
            {' '}
            {text}
          </tspan>
        </text>
      </g>
    );
  }
  const dx = port.anchor === 'start' ? 2 : -2;
  return (
    <g className="cell-port" data-port={port.id}>
      <text x={port.x + dx} y={port.y - 9} textAnchor={port.anchor}>
        {symbol}
      </text>
      <text className="cell-port-value" x={port.x + dx} y={port.y + 19} textAnchor={port.anchor}>
        {text}
      </text>
    </g>
  );
}
