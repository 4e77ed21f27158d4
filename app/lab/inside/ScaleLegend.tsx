import type { TraceKind } from '../../../engine/lab/trace';
import { ColorLegend } from '../../figures/frame/ColorLegend';
import { KIND_NAMES, type UnitScale } from './unitScale';

/** The colour key of a series: what the colours of the text and the heatmap mean, in its own small SVG. */
export function ScaleLegend({
  kind,
  scale,
  beyond = 0,
  width = 280,
}: {
  kind: TraceKind;
  scale: UnitScale;
  /** Units with values past the scale's ends, said under the key. */
  beyond?: number;
  width?: number;
}) {
  const title =
    scale.kind === 'gate'
      ? `${kind}, ${KIND_NAMES[kind]} (σ): 0 closed … 1 open`
      : `${kind}, ${KIND_NAMES[kind]}: negative … 0 … positive`;
  const key = (
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
  if (beyond === 0) return key;
  const [, high] = scale.domain;
  return (
    <div className="inside-legend-block">
      {key}
      <p className="inside-note">
        {beyond === 1 ? '1 unit goes' : `${beyond} units go`} past ±{high.toLocaleString('en-US')} and{' '}
        {beyond === 1 ? 'is' : 'are'} drawn in the end colours there, so that the others’ colours stay
        readable; reading a value (point at a character) gives it exactly.
      </p>
    </div>
  );
}
