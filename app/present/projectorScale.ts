/**
 * The size of figures on the audience's screen, from the screen's size: type and lines in proportion to
 * the slide's own (which is sized in vmin), so that a figure reads from the back of a room on any
 * projector, and plots short enough that a column of two of them still fits the screen.
 */
import { type CSSProperties, useEffect, useState } from 'react';
import type { FigureScale } from '../figures/frame/figureScale';

export interface ProjectorScale extends FigureScale {
  /** A figure's title, in CSS pixels. */
  readonly titleSize: number;
  /** A plotted line's width, in CSS pixels. */
  readonly lineWidth: number;
}

/** Never smaller than the reading column's large-screen sizes, whatever the window. */
const floor = { fontSize: 15, titleSize: 21, lineWidth: 2.25, maxPlotHeight: 180 };

/** The figure sizes for a screen of this many CSS pixels (22 px labels, 30 px titles at 1920x1080). */
export function projectorScale(width: number, height: number): ProjectorScale {
  const vmin = Math.min(width, height) / 100;
  return {
    fontSize: Math.max(floor.fontSize, Math.round(2 * vmin)),
    titleSize: Math.max(floor.titleSize, Math.round(2.75 * vmin)),
    lineWidth: Math.max(floor.lineWidth, Math.round(0.3 * vmin * 4) / 4),
    maxPlotHeight: Math.max(floor.maxPlotHeight, Math.round(24 * vmin)),
  };
}

/** The same numbers as the custom properties the figure CSS reads inside a slide. */
export function projectorScaleStyle(scale: ProjectorScale): CSSProperties {
  return {
    '--figure-font': `${scale.fontSize}px`,
    '--figure-title': `${scale.titleSize}px`,
    '--figure-line': `${scale.lineWidth}px`,
  } as CSSProperties;
}

/** The projector scale of this window, following resizes (a window dragged to the projector). */
export function useProjectorScale(): ProjectorScale {
  const [scale, setScale] = useState(() => projectorScale(window.innerWidth, window.innerHeight));
  useEffect(() => {
    const onResize = () => {
      const next = projectorScale(window.innerWidth, window.innerHeight);
      setScale((previous) =>
        previous.fontSize === next.fontSize && previous.maxPlotHeight === next.maxPlotHeight
          ? previous
          : next,
      );
    };
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return scale;
}
