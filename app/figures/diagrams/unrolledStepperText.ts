/** Words and numbers for the unrolled stepper: what is wrong with the data, the caption, the data table. */
import type { FigureTable } from '../frame/FigureFrame';
import { formatFixed, formatNumber, subscript } from '../frame/figureText';

/** The stepper's data as the caption and table need it. */
export interface StepperData {
  readonly tokens: readonly string[];
  readonly hidden: readonly (readonly number[])[];
  readonly gradientNorms?: readonly number[];
  readonly showGradient: boolean;
}

/** 'draw' when the gradient is on and the forward pass is complete, 'waiting' before that. */
export function gradientState(props: StepperData, step: number): 'off' | 'waiting' | 'draw' {
  const has = props.gradientNorms !== undefined && props.gradientNorms.length === props.tokens.length;
  if (!props.showGradient || !has) return 'off';
  return step === props.tokens.length ? 'draw' : 'waiting';
}

const quote = (token: string) => `“${token === ' ' ? 'space' : token}”`;

/** What is wrong with the data, in words, or null when it can be drawn. */
export function dataProblem(
  tokens: readonly string[],
  hidden: readonly (readonly number[])[],
): string | null {
  if (tokens.length === 0)
    return 'No sequence to step through yet: this figure needs at least one character.';
  if (hidden.length !== tokens.length) {
    return `The hidden states cover ${hidden.length} steps but the word has ${tokens.length} characters, so nothing is drawn.`;
  }
  const units = hidden[0]?.length ?? 0;
  if (units === 0 || hidden.some((row) => row.length !== units)) {
    return 'Every hidden state needs the same number of units (at least one), so nothing is drawn.';
  }
  return null;
}

export function describeStep(props: StepperData, step: number, drawGradient: boolean): string {
  const { tokens, hidden, gradientNorms } = props;
  const T = tokens.length;
  const H = hidden[0]!.length;
  const parts: string[] = [];
  if (step === 0) {
    parts.push(
      `t = 0 of ${T}: nothing read yet, the memory h₀ is all zeros (white). Forward feeds x₁ = ${quote(tokens[0]!)}.`,
    );
  } else {
    const previous = step === 1 ? Array.from({ length: H }, () => 0) : hidden[step - 2]!;
    const current = hidden[step - 1]!;
    let unit = 0;
    for (let u = 1; u < H; u++) {
      if (Math.abs(current[u]! - previous[u]!) > Math.abs(current[unit]! - previous[unit]!)) unit = u;
    }
    parts.push(
      `t = ${step} of ${T}: the network read ${quote(tokens[step - 1]!)} and computed h${subscript(step)} from h${subscript(step - 1)} and x${subscript(step)} with the same W_hh and W_xh as at every other step.`,
      `Unit ${unit + 1} changed most, from ${formatFixed(previous[unit]!)} to ${formatFixed(current[unit]!)}.`,
    );
    if (step === T) parts.push(`h${subscript(T)} now carries what the network kept of the whole sequence.`);
  }
  const missing = hidden.flat().filter((value) => !Number.isFinite(value)).length;
  if (missing > 0) parts.push(`${missing} hidden values are not finite numbers and are drawn grey.`);
  if (gradientState(props, step) === 'waiting') {
    parts.push(`The backward pass needs the whole word: it is drawn once t = ${T}.`);
  }
  if (drawGradient && gradientNorms) {
    const last = gradientNorms[T - 1]!;
    const first = gradientNorms[0]!;
    if (T > 1 && Number.isFinite(last) && Number.isFinite(first) && first > 0 && last > 0) {
      const ratio = last / first;
      const times = (value: number) => `${formatNumber(value, 2)}×`;
      const trend =
        ratio >= 1 ? `${times(ratio)} smaller` : `${times(1 / ratio)} larger (the gradient grows going back)`;
      parts.push(
        `Gradient flowing back (after the last step): ‖dL/dh${subscript(T)}‖ = ${formatNumber(last, 2)}, and ${T - 1} steps back ‖dL/dh₁‖ = ${formatNumber(first, 2)}, ${trend}.`,
      );
    } else {
      parts.push('Gradient flowing back: the bars show ‖dL/dh_t‖ at each step.');
    }
  }
  return parts.join(' ');
}

export function stepperTable(props: StepperData, drawGradient: boolean): FigureTable {
  const H = props.hidden[0]!.length;
  const units = Array.from({ length: H }, (_, u) => `unit ${u + 1}`);
  return {
    caption: 'Hidden state h_t after each character (and the gradient norm, if shown)',
    columns: ['t', 'x_t', ...units, ...(drawGradient ? ['‖dL/dh_t‖'] : [])],
    rows: props.tokens.map((token, index) => [
      index + 1,
      token,
      ...props.hidden[index]!.map((value) =>
        Number.isFinite(value) ? Number(value.toFixed(3)) : 'not finite',
      ),
      ...(drawGradient ? [props.gradientNorms![index]!] : []),
    ]),
  };
}
