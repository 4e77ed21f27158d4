import type { DiagramCell } from './cellValues';

type Point = readonly [number, number];

/** A gate: a box with its function (σ or tanh), its value printed beneath. */
export interface DiagramBox {
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly fn: 'σ' | 'tanh';
}

/** A pointwise operation node. */
export interface DiagramOp {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly symbol: '×' | '+' | '1−' | 'tanh';
}

/** A wire; its width shows the size of the value it carries (`flow`, a key of the step's values). */
export interface DiagramWire {
  readonly id: string;
  readonly points: readonly Point[];
  /** null: an input bundle with no single value (h₋₁ and x together), drawn thin. */
  readonly flow: string | null;
  readonly arrow?: boolean;
  /** Crosses over other wires: drawn last, with a gap around it. */
  readonly over?: boolean;
}

/** Where a state enters or leaves the cell: its name above the wire, its value below. */
export interface DiagramPort {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'end';
  readonly symbol: string;
  readonly subscript: string;
  /** Key of the step's values printed with it; 'input' prints the input label. */
  readonly value: string;
}

export interface DiagramLayout {
  readonly width: number;
  readonly height: number;
  readonly compact: boolean;
  readonly box: { readonly width: number; readonly height: number };
  readonly opRadius: number;
  readonly body: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
  readonly boxes: readonly DiagramBox[];
  readonly ops: readonly DiagramOp[];
  readonly wires: readonly DiagramWire[];
  readonly ports: readonly DiagramPort[];
}

/**
 * The geometry of an LSTM or GRU cell drawn for a given width, after Olah's "Understanding LSTM
 * Networks" (2015): the state runs along the top, the inputs along the bottom, the gates between.
 * Below 520 px the layout is compact (smaller boxes, one-line gate labels).
 */
export function cellDiagramLayout(cell: DiagramCell, width: number): DiagramLayout {
  const compact = width < 520;
  const height = compact
    ? Math.round(Math.min(400, Math.max(300, width)))
    : Math.round(Math.min(500, Math.max(330, width * 0.42)));
  const at = (fx: number, fy: number): Point => [Math.round(fx * width), Math.round(fy * height)];
  const box = compact
    ? { width: 42, height: 30 }
    : {
        width: Math.round(Math.min(84, Math.max(50, width * 0.065))),
        height: Math.round(Math.min(52, Math.max(36, width * 0.04))),
      };
  const opRadius = compact ? 11 : Math.round(Math.min(17, Math.max(13, width * 0.012)));
  const body = { x: width * 0.1, y: height * 0.05, width: width * 0.8, height: height * 0.87 };
  const common = { width, height, compact, box, opRadius, body };
  const ports = (entries: [string, Point, 'start' | 'end', string, string, string][]): DiagramPort[] =>
    entries.map(([id, [x, y], anchor, symbol, subscript, value]) => ({
      id,
      x,
      y,
      anchor,
      symbol,
      subscript,
      value,
    }));

  if (cell === 'lstm') {
    const [yC, yMul, yGate, yBus, yBottom] = [0.14, 0.36, 0.57, 0.84, 0.99];
    const [xF, xI, xG, xO, xOut, xX] = [0.22, 0.38, 0.54, 0.7, 0.86, 0.3];
    return {
      ...common,
      boxes: [
        { key: 'f', x: at(xF, 0)[0], y: at(0, yGate)[1], fn: 'σ' },
        { key: 'i', x: at(xI, 0)[0], y: at(0, yGate)[1], fn: 'σ' },
        { key: 'g', x: at(xG, 0)[0], y: at(0, yGate)[1], fn: 'tanh' },
        { key: 'o', x: at(xO, 0)[0], y: at(0, yGate)[1], fn: 'σ' },
      ],
      ops: [
        { id: 'forget', x: at(xF, 0)[0], y: at(0, yC)[1], symbol: '×' },
        { id: 'add', x: at(xG, 0)[0], y: at(0, yC)[1], symbol: '+' },
        { id: 'write', x: at(xG, 0)[0], y: at(0, yMul)[1], symbol: '×' },
        { id: 'squash', x: at(xOut, 0)[0], y: at(0, yMul)[1], symbol: 'tanh' },
        { id: 'show', x: at(xOut, 0)[0], y: at(0, yGate)[1], symbol: '×' },
      ],
      wires: [
        { id: 'bus', points: [at(0, yBus), at(xO, yBus)], flow: null },
        { id: 'x', points: [at(xX, yBottom), at(xX, yBus)], flow: null },
        ...[xF, xI, xG, xO].map((x, index) => ({
          id: `feed-${index}`,
          points: [at(x, yBus), at(x, yGate)],
          flow: null,
        })),
        { id: 'c-in', points: [at(0, yC), at(xF, yC)], flow: 'cPrev' },
        { id: 'kept', points: [at(xF, yC), at(xG, yC)], flow: 'kept' },
        { id: 'c-out', points: [at(xG, yC), [width - 1, at(0, yC)[1]]], flow: 'c', arrow: true },
        { id: 'c-branch', points: [at(xOut, yC), at(xOut, yMul)], flow: 'c' },
        { id: 'tanh-c', points: [at(xOut, yMul), at(xOut, yGate)], flow: 'tanhC' },
        { id: 'f', points: [at(xF, yGate), at(xF, yC)], flow: 'f' },
        { id: 'i', points: [at(xI, yGate), at(xI, yMul), at(xG, yMul)], flow: 'i' },
        { id: 'g', points: [at(xG, yGate), at(xG, yMul)], flow: 'g' },
        { id: 'written', points: [at(xG, yMul), at(xG, yC)], flow: 'written' },
        { id: 'o', points: [at(xO, yGate), at(xOut, yGate)], flow: 'o' },
        { id: 'h-out', points: [at(xOut, yGate), [width - 1, at(0, yGate)[1]]], flow: 'h', arrow: true },
      ],
      ports: ports([
        ['c-prev', at(0, yC), 'start', 'c', 't−1', 'cPrev'],
        ['c', [width, at(0, yC)[1]], 'end', 'c', 't', 'c'],
        ['h-prev', at(0, yBus), 'start', 'h', 't−1', 'hPrev'],
        ['h', [width, at(0, yGate)[1]], 'end', 'h', 't', 'h'],
        ['x', at(xX, yBottom), 'start', 'x', 't', 'input'],
      ]),
    };
  }

  const [yH, yMix, yReset, yGate, yBus, yBottom] = [0.14, 0.31, 0.45, 0.63, 0.85, 0.99];
  const [xL, xX, xR, xZ, xOneMinus, xTurn, xN] = [0.12, 0.2, 0.3, 0.5, 0.64, 0.68, 0.8];
  return {
    ...common,
    boxes: [
      { key: 'r', x: at(xR, 0)[0], y: at(0, yGate)[1], fn: 'σ' },
      { key: 'z', x: at(xZ, 0)[0], y: at(0, yGate)[1], fn: 'σ' },
      { key: 'n', x: at(xN, 0)[0], y: at(0, yGate)[1], fn: 'tanh' },
    ],
    ops: [
      { id: 'keep', x: at(xZ, 0)[0], y: at(0, yH)[1], symbol: '×' },
      { id: 'add', x: at(xN, 0)[0], y: at(0, yH)[1], symbol: '+' },
      { id: 'reset', x: at(xR, 0)[0], y: at(0, yReset)[1], symbol: '×' },
      { id: 'one-minus', x: at(xOneMinus, 0)[0], y: at(0, yMix)[1], symbol: '1−' },
      { id: 'mix', x: at(xN, 0)[0], y: at(0, yMix)[1], symbol: '×' },
    ],
    wires: [
      { id: 'bus', points: [at(xL, yBus), at(xN, yBus)], flow: null },
      { id: 'x', points: [at(xX, yBottom), at(xX, yBus)], flow: null },
      ...[xR, xZ, xN].map((x, index) => ({
        id: `feed-${index}`,
        points: [at(x, yBus), at(x, yGate)],
        flow: null,
      })),
      { id: 'h-in', points: [at(0, yH), at(xZ, yH)], flow: 'hPrev' },
      { id: 'h-down', points: [at(xL, yH), at(xL, yBus)], flow: 'hPrev' },
      { id: 'h-to-reset', points: [at(xL, yReset), at(xR, yReset)], flow: 'hPrev' },
      { id: 'r', points: [at(xR, yGate), at(xR, yReset)], flow: 'r' },
      {
        id: 'reset-to-n',
        points: [at(xR, yReset), at(xTurn, yReset), at(xTurn, yGate), at(xN, yGate)],
        flow: 'r',
      },
      // z crosses the reset path: only its lower part is drawn over, so the halo spares the junctions above.
      { id: 'z', points: [at(xZ, yGate), at(xZ, (yReset + yMix) / 2)], flow: 'z', over: true },
      { id: 'z-top', points: [at(xZ, (yReset + yMix) / 2), at(xZ, yH)], flow: 'z' },
      { id: 'z-branch', points: [at(xZ, yMix), at(xOneMinus, yMix)], flow: 'z' },
      { id: 'one-minus-z', points: [at(xOneMinus, yMix), at(xN, yMix)], flow: 'oneMinusZ' },
      { id: 'n', points: [at(xN, yGate), at(xN, yMix)], flow: 'n' },
      { id: 'kept', points: [at(xZ, yH), at(xN, yH)], flow: 'kept' },
      { id: 'mixed', points: [at(xN, yMix), at(xN, yH)], flow: 'mixed' },
      { id: 'h-out', points: [at(xN, yH), [width - 1, at(0, yH)[1]]], flow: 'h', arrow: true },
    ],
    ports: ports([
      ['h-prev', at(0, yH), 'start', 'h', 't−1', 'hPrev'],
      ['h', [width, at(0, yH)[1]], 'end', 'h', 't', 'h'],
      ['x', at(xX, yBottom), 'start', 'x', 't', 'input'],
    ]),
  };
}
