/**
 * The unrolled network's geometry, shared by the drawing (`UnrolledStepperGraphic`), its gradient band
 * (`UnrolledGradient`) and the stepper that decides whether the drawing must scroll.
 */

/** Room left and right of the first and last columns. */
const unrolledMargin = { left: 6, right: 6 };
const minColumn = 46;
const maxColumn = 150;
/** Height of the gradient bars' band: title, value labels, 40 px of bar, gap. */
export const gradientBlock = 16 + 16 + 40 + 10;

export type UnrolledLayout = ReturnType<typeof unrolledLayout>;

/** The drawing's size for a given sequence, so the caller can decide whether it must scroll. */
export function unrolledLayout(steps: number, units: number, width: number, showGradient: boolean) {
  const columns = steps + 1;
  const column = Math.min(
    maxColumn,
    Math.max(minColumn, (width - unrolledMargin.left - unrolledMargin.right) / columns),
  );
  const wide = width > 900;
  const cellWidth = Math.min(column * 0.6, wide ? 66 : 54);
  const cellHeight = Math.min(wide ? 32 : 26, Math.max(11, (wide ? 190 : 160) / Math.max(1, units)));
  const gradientTop = 4;
  const hiddenTop = (showGradient ? gradientTop + gradientBlock : 4) + 22;
  const hiddenBottom = hiddenTop + units * cellHeight;
  const tokenTop = hiddenBottom + 38;
  const tokenHeight = 30;
  const legendTop = tokenTop + tokenHeight + 26;
  return {
    margin: unrolledMargin.left,
    column,
    wide,
    cellWidth,
    cellHeight,
    gradientTop,
    hiddenTop,
    hiddenBottom,
    tokenTop,
    tokenHeight,
    legendTop,
    width: Math.ceil(unrolledMargin.left + unrolledMargin.right + columns * column),
    height: legendTop + 44,
  };
}
