/** Axis titles may carry one-character subscripts written h_T: drawn lowered and smaller. */
export function RichLabel({ text }: { text: string }) {
  const parts = text.split(/_(\w)/);
  if (parts.length === 1) return text;
  // Odd positions are the subscripts split out; the text after one returns to the baseline.
  const pieces = parts.map((part, position) => ({
    part,
    id: `part-${position}`,
    subscript: position % 2 === 1,
    afterSubscript: position % 2 === 0 && position > 0,
  }));
  return pieces
    .filter((piece) => piece.part !== '')
    .map((piece) => (
      <tspan
        key={piece.id}
        dy={piece.subscript ? '0.3em' : piece.afterSubscript ? '-0.3em' : undefined}
        fontSize={piece.subscript ? '0.75em' : undefined}
      >
        {piece.part}
      </tspan>
    ));
}
