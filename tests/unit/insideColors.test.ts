/**
 * The passage's colour classes (app/lab/inside/insideColors.css) are the shared colour maps in
 * COLOR_LEVELS steps, each with the ink that reads on it, so the text's colours match the heatmap's
 * and the legend's. If a map changes, rewrite the rules as this test samples them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { color } from 'd3';
import { describe, expect, it } from 'vitest';
import { divergingMap, inkOn, sequentialMap } from '../../app/figures/frame/colorScales';
import { COLOR_LEVELS } from '../../app/lab/inside/unitScale';

const css = readFileSync(resolve(import.meta.dirname, '../../app/lab/inside/insideColors.css'), 'utf8');

describe('the inside panel’s colour classes', () => {
  it.each([
    ['sq', sequentialMap],
    ['dv', divergingMap],
  ] as const)('give every step of the %s map its colour and a readable ink', (prefix, map) => {
    for (let level = 0; level < COLOR_LEVELS; level++) {
      const background = color(map(level / (COLOR_LEVELS - 1)))!.formatHex();
      expect(css).toContain(
        `.inside-glyph.${prefix}-${level} {\n  background: ${background};\n  color: ${inkOn(background)};\n}`,
      );
    }
    expect(css).not.toContain(`.inside-glyph.${prefix}-${COLOR_LEVELS} `);
  });

  it('puts near-white at the middle step of the diverging map, where the value is 0', () => {
    const middle = new RegExp(
      `\\.inside-glyph\\.dv-${(COLOR_LEVELS - 1) / 2} \\{\\n  background: (#[0-9a-f]{6});`,
    );
    const rgb = color(middle.exec(css)![1]!)!.rgb();
    for (const channel of [rgb.r, rgb.g, rgb.b]) expect(channel).toBeGreaterThan(230);
  });
});
