import '../frame/basicFigures.css';

export interface PulseTogglesProps {
  readonly steps: number;
  /** Steps (1-based) whose pulse is on. */
  readonly pulses: ReadonlySet<number>;
  readonly onToggle: (t: number) => void;
  /** When the chart's steps are wide enough, the buttons line up under them: x of step 1's left edge, step width. */
  readonly aligned?: { readonly left: number; readonly spacing: number };
}

/** One toggle button per time step (aria-pressed), to switch the input pulse x_t = 1 on or off. */
export function PulseToggles({ steps, pulses, onToggle, aligned }: PulseTogglesProps) {
  return (
    <fieldset className="pulse-fieldset">
      <legend className="pulse-toggles-label">
        Input pulses x<sub>t</sub> = 1: press a step to switch its pulse on or off.
      </legend>
      <div
        className="pulse-toggles"
        data-aligned={aligned !== undefined}
        style={
          aligned
            ? { paddingLeft: aligned.left, gridTemplateColumns: `repeat(${steps}, ${aligned.spacing}px)` }
            : undefined
        }
      >
        {Array.from({ length: steps }, (_, index) => index + 1).map((t) => (
          <button
            key={t}
            type="button"
            aria-pressed={pulses.has(t)}
            aria-label={`Pulse at t = ${t}`}
            onClick={() => onToggle(t)}
          >
            {t}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
