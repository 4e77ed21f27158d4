import { useId } from 'react';
import type { YScaleType } from './lineSeries';

/** Linear or log y axis: two radio buttons in a labelled group. The parent owns the choice. */
export function ScaleToggle({
  scale,
  onChange,
  legend = 'Y axis',
}: {
  scale: YScaleType;
  onChange: (scale: YScaleType) => void;
  legend?: string;
}) {
  const name = useId();
  return (
    <fieldset className="line-scale-toggle">
      <legend>{legend}</legend>
      <span className="line-scale-options">
        {(['linear', 'log'] as const).map((option) => (
          <label key={option}>
            <input
              type="radio"
              name={name}
              value={option}
              checked={scale === option}
              onChange={() => onChange(option)}
            />
            {option === 'linear' ? 'Linear' : 'Log'}
          </label>
        ))}
      </span>
    </fieldset>
  );
}
