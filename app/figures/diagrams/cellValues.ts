import { type GateValues, unitSeries } from '../frame/gates';

export type DiagramCell = 'lstm' | 'gru';

/**
 * One unit's values over all time steps, as the cell diagram needs them: the gates as recorded, and
 * the states either as recorded (`gates.c`, `gates.h`) or, when those are absent, rebuilt from the
 * gates with PyTorch's equations from a zero initial state:
 *   LSTM c = f·c₋₁ + i·g, h = o·tanh(c);   GRU h = (1 − z)·n + z·h₋₁.
 */
export function unitHistory(
  cell: DiagramCell,
  gates: GateValues,
  steps: number,
  hiddenSize: number,
  unit: number,
): Record<string, Float64Array> {
  const series = (key: string) => unitSeries(gates[key], steps, hiddenSize, unit);
  if (cell === 'lstm') {
    const [i, f, g, o] = [series('i'), series('f'), series('g'), series('o')];
    const c = gates.c ? series('c') : new Float64Array(steps);
    if (!gates.c) for (let t = 0; t < steps; t++) c[t] = f[t]! * (t > 0 ? c[t - 1]! : 0) + i[t]! * g[t]!;
    const h = gates.h ? series('h') : c.map((value, t) => o[t]! * Math.tanh(value));
    return { i, f, g, o, c, h };
  }
  const [r, z, n] = [series('r'), series('z'), series('n')];
  const h = gates.h ? series('h') : new Float64Array(steps);
  if (!gates.h) for (let t = 0; t < steps; t++) h[t] = (1 - z[t]!) * n[t]! + z[t]! * (t > 0 ? h[t - 1]! : 0);
  return { r, z, n, h };
}

/**
 * Everything the diagram prints and draws at one time step: gate values, the states coming in and
 * going out, and the size of the signal on each wire (what its width encodes).
 */
export function stepValues(
  cell: DiagramCell,
  history: Record<string, Float64Array>,
  step: number,
): Record<string, number> {
  const at = (key: string, t = step) => (t >= 0 ? (history[key]?.[t] ?? Number.NaN) : 0);
  if (cell === 'lstm') {
    const [i, f, g, o, c, h, cPrev, hPrev] = [
      at('i'),
      at('f'),
      at('g'),
      at('o'),
      at('c'),
      at('h'),
      at('c', step - 1),
      at('h', step - 1),
    ];
    return { i, f, g, o, c, h, cPrev, hPrev, kept: f * cPrev, written: i * g, tanhC: Math.tanh(c) };
  }
  const [r, z, n, h, hPrev] = [at('r'), at('z'), at('n'), at('h'), at('h', step - 1)];
  return { r, z, n, h, hPrev, kept: z * hPrev, oneMinusZ: 1 - z, mixed: (1 - z) * n };
}
