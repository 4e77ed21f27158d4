import type { CellKind } from '../../../engine/types';

/**
 * Okabe & Ito's colour-blind-safe palette (2008). Series colours are literal values, not CSS
 * variables, so that an exported SVG or PNG looks the same outside the page.
 */
export const okabeIto = {
  orange: '#E69F00',
  sky: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  grey: '#7f7f7f',
} as const;

/** One colour per cell, used by every figure so that "LSTM" is always the same blue. */
export const cellColors: Readonly<Record<CellKind, string>> = {
  rnn: okabeIto.vermillion,
  lstm: okabeIto.blue,
  gru: okabeIto.green,
};

export const cellLabels: Readonly<Record<CellKind, string>> = { rnn: 'RNN', lstm: 'LSTM', gru: 'GRU' };

/** Colours for a list of series (runs, gates) in a fixed order. */
export const seriesColors: readonly string[] = [
  okabeIto.blue,
  okabeIto.vermillion,
  okabeIto.green,
  okabeIto.orange,
  okabeIto.purple,
  okabeIto.sky,
  okabeIto.grey,
];
