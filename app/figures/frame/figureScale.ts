import { createContext, useContext } from 'react';

/**
 * How large a figure draws its type and how tall its plots may be, when a page asks for something else
 * than the reading column's defaults. Presenter mode provides it so that a figure on a projector scales
 * with the slide (its CSS reads the same numbers as custom properties on the slide's root); a figure
 * outside any provider keeps its own sizes.
 */
export interface FigureScale {
  /** Chart labels and ticks, in CSS pixels. */
  readonly fontSize: number;
  /** The most a single plot (a chart, a heatmap) may take in height, in CSS pixels. */
  readonly maxPlotHeight: number;
}

export const FigureScaleContext = createContext<FigureScale | null>(null);

/** The scale a page provides, or null in the reading column. */
export function useFigureScale(): FigureScale | null {
  return useContext(FigureScaleContext);
}

/** A plot's height within what the page allows (unchanged where nothing is provided). */
export function fitPlotHeight(height: number, scale: FigureScale | null): number {
  return scale ? Math.min(height, scale.maxPlotHeight) : height;
}
