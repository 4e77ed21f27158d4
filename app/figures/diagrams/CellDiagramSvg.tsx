import { useId } from 'react';
import { ColorLegend } from '../frame/ColorLegend';
import { divergingMap, missingColor, sequentialMap } from '../frame/colorScales';
import { displayInput, formatValue, type GateInfo } from '../frame/gates';
import { GateBox, Port } from './CellDiagramParts';
import type { DiagramLayout, DiagramWire } from './cellDiagramLayout';

export interface CellDiagramSvgProps {
  readonly layout: DiagramLayout;
  /** Drawn this many times larger than the layout (wide screens and projectors). */
  readonly scale?: number;
  readonly gates: readonly GateInfo[];
  /** This step's values: gates, states and wire flows (see stepValues). */
  readonly values: Readonly<Record<string, number>>;
  /** The largest |c| of the unit over all steps: cell-state wires reach full width there. */
  readonly stateScale: number;
  readonly input?: string;
  readonly animated: boolean;
  readonly label: string;
}

const stateFlows = new Set(['cPrev', 'kept', 'c', 'written']);
const flowWidth = (size: number) => 1.25 + 6 * size;
const flowOpacity = (size: number) => 0.3 + 0.7 * size;

/** The cell drawn for one time step: gate boxes filled by their activation, wires as wide as their signal. */
export function CellDiagramSvg(props: CellDiagramSvgProps) {
  const { layout, scale = 1, gates, values, stateScale, input, animated, label } = props;
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const arrowId = `arrow-${id}`;
  const { width, height, compact, body } = layout;
  const legendHeight = compact ? 150 : 72;
  const legendWidth = compact ? width - 24 : Math.min(280, (width - 160) / 3);
  const names = new Map(gates.map((gate) => [gate.key, gate.name]));

  const wireStyle = (wire: DiagramWire) => {
    if (wire.flow === null) return { strokeWidth: 1.5, opacity: 0.55 };
    const value = values[wire.flow] ?? Number.NaN;
    if (!Number.isFinite(value))
      return { strokeWidth: 1.5, opacity: 0.5, stroke: missingColor, strokeDasharray: '4 3' };
    const size = Math.min(1, Math.abs(value) / (stateFlows.has(wire.flow) ? stateScale : 1));
    return { strokeWidth: flowWidth(size), opacity: flowOpacity(size) };
  };

  return (
    <svg
      width={width * scale}
      height={(height + legendHeight) * scale}
      viewBox={`0 0 ${width} ${height + legendHeight}`}
      role="img"
      aria-label={label}
      className={`cell-diagram${animated ? ' cell-diagram-animated' : ''}`}
    >
      <defs>
        <marker
          id={arrowId}
          viewBox="0 0 10 10"
          refX="8"
          refY="5"
          markerWidth="10"
          markerHeight="10"
          orient="auto"
          markerUnits="userSpaceOnUse"
        >
          <path d="M0,0 L10,5 L0,10 z" className="cell-arrow" />
        </marker>
      </defs>
      <rect className="cell-body" x={body.x} y={body.y} width={body.width} height={body.height} rx={14} />
      {/* Wires that cross over others come last, with a halo so the crossing reads as a bridge. */}
      {[...layout.wires.filter((wire) => !wire.over), ...layout.wires.filter((wire) => wire.over)].map(
        (wire) => {
          const points = wire.points.map(([x, y]) => `${x},${y}`).join(' ');
          const style = wireStyle(wire);
          return (
            <g key={wire.id} data-wire={wire.id}>
              {wire.over && (
                <polyline
                  className="cell-wire-halo"
                  points={points}
                  style={{ strokeWidth: style.strokeWidth + 6 }}
                />
              )}
              <polyline
                className="cell-wire"
                points={points}
                style={style}
                markerEnd={wire.arrow ? `url(#${arrowId})` : undefined}
              />
            </g>
          );
        },
      )}
      {layout.ops.map((op) => {
        const r = layout.opRadius;
        const wide = op.symbol === 'tanh';
        return (
          <g key={op.id} transform={`translate(${op.x},${op.y})`}>
            {wide ? (
              <rect className="cell-op" x={-r * 1.7} y={-r} width={r * 3.4} height={r * 2} rx={r} />
            ) : (
              <circle className="cell-op" r={r} />
            )}
            <text
              className={`cell-op-symbol${op.symbol === 'tanh' || op.symbol === '1−' ? ' cell-op-small' : ''}`}
              dominantBaseline="central"
              textAnchor="middle"
            >
              {op.symbol}
            </text>
          </g>
        );
      })}
      {layout.boxes.map((gateBox) => (
        <GateBox
          key={gateBox.key}
          gateBox={gateBox}
          layout={layout}
          value={values[gateBox.key] ?? Number.NaN}
          name={names.get(gateBox.key) ?? ''}
        />
      ))}
      {layout.ports.map((port) => (
        <Port
          key={port.id}
          port={port}
          text={
            port.value === 'input'
              ? input !== undefined
                ? `“${displayInput(input)}”`
                : ''
              : formatValue(values[port.value])
          }
        />
      ))}
      <g transform={`translate(${compact ? 12 : body.x},${height + 10})`}>
        <ColorLegend
          x={0}
          y={0}
          width={legendWidth}
          title="σ gates: 0 closed … 1 open"
          map={sequentialMap}
          domain={[0, 1]}
        />
        <ColorLegend
          x={compact ? 0 : legendWidth + 40}
          y={compact ? 54 : 0}
          width={legendWidth}
          title="tanh candidate: −1 … +1"
          map={divergingMap}
          domain={[-1, 1]}
        />
        <g transform={`translate(${compact ? 0 : 2 * legendWidth + 80},${compact ? 108 : 0})`}>
          <text className="chart-label color-legend-title" y={12}>
            Wire width: |value|
          </text>
          {[0.1, 0.5, 1].map((size, index) => (
            <line
              key={size}
              className="cell-wire"
              x1={index * 48}
              x2={index * 48 + 38}
              y1={26}
              y2={26}
              style={{ strokeWidth: flowWidth(size), opacity: flowOpacity(size) }}
            />
          ))}
        </g>
      </g>
    </svg>
  );
}
