import type { TraceKind } from '../../../engine/lab/trace';
import { ColorLegend } from '../../figures/frame/ColorLegend';
import { KIND_NAMES, type UnitScale } from './unitScale';

/** The colour key of a series: what the colours of the text and the heatmap mean, in its own small SVG. */
export function ScaleLegend({
  kind,
  scale,
  width = 280,
}: {
  kind: TraceKind;
  scale: UnitScale;
  width?: number;
}) {
  const title =
    scale.kind === 'gate'
      ? `${kind}, ${KIND_NAMES[kind]} (σ): 0 closed … 1 open`
      : `${kind}, ${KIND_NAMES[kind]}: negative … 0 … positive`;
  return (
    <svg
      className="inside-legend"
      width={width + 24}
      height={56}
      role="img"
      aria-label={`Colour key: ${title}, from ${scale.domain[0]} to ${scale.domain[1]}`}
    >
      <ColorLegend x={12} y={0} width={width} title={title} map={scale.map} domain={scale.domain} />
    </svg>
  );
}
