/**
 * Weight files handed to the playground's "Load weights": empty, not JSON, the wrong shapes, NaN and
 * infinities, huge, deeply nested, binary, another model's. Each must be refused with a message; a file
 * given while a run trains must ask first and, when declined, leave the run as it was.
 */
import { type Finding, type MatrixCase, newMessages, type Session, visibleMessages } from './judge';

const row = (length: number, value = 0.1) => Array.from({ length }, () => value);
const matrix = (rows: number, columns: number) => Array.from({ length: rows }, () => row(columns));

/** A layer's four tensors with G gate blocks of H rows over I inputs. */
function layer(gates: number, hidden: number, inputs: number, suffix = 'l0') {
  return {
    [`weight_ih_${suffix}`]: matrix(gates * hidden, inputs),
    [`weight_hh_${suffix}`]: matrix(gates * hidden, hidden),
    [`bias_ih_${suffix}`]: row(gates * hidden),
    [`bias_hh_${suffix}`]: row(gates * hidden),
  };
}

/** About 20 MB of numbers under the right key: parsed once, off the main thread, then refused. */
function huge(): string {
  const line = `[${row(2000).join(',')}]`;
  return `{"weight_ih_l0":[${Array.from({ length: 5000 }, () => line).join(',')}]}`;
}

export const WEIGHT_FILES: readonly { readonly name: string; readonly text: string | Buffer }[] = [
  { name: 'empty.json', text: '' },
  { name: 'hello.json', text: 'hello' },
  { name: 'null.json', text: 'null' },
  { name: 'array.json', text: '[]' },
  { name: 'number.json', text: '42' },
  { name: 'string.json', text: '"weights"' },
  { name: 'object.json', text: '{}' },
  { name: 'types.json', text: '{"weight_ih_l0":"x","weight_hh_l0":{},"bias_ih_l0":null}' },
  { name: 'shapes.json', text: JSON.stringify(layer(4, 2, 2)) },
  {
    name: 'ragged.json',
    text: '{"weight_ih_l0":[[1,2],[3]],"weight_hh_l0":[[1]],"bias_ih_l0":[1],"bias_hh_l0":[1]}',
  },
  { name: 'nan.json', text: '{"weight_ih_l0":[[NaN]]}' },
  { name: 'infinity.json', text: JSON.stringify(layer(4, 32, 11)).replace('0.1', '1e999') },
  {
    name: 'gru.json',
    text: JSON.stringify({ ...layer(3, 32, 11), 'fc.weight': matrix(8, 32), 'fc.bias': row(8) }),
  },
  { name: 'rnn.json', text: JSON.stringify(layer(1, 32, 11)) },
  { name: 'fourth-layer.json', text: JSON.stringify({ ...layer(4, 32, 11), ...layer(4, 32, 32, 'l3') }) },
  { name: 'nested.json', text: `${'['.repeat(200_000)}${']'.repeat(200_000)}` },
  { name: 'binary.json', text: Buffer.from([0, 1, 2, 255, 254, 0, 0x7b]) },
  { name: 'huge.json', text: huge() },
];

const CHOOSER = 'Weights file for LSTM';

function fileCase(file: (typeof WEIGHT_FILES)[number]): MatrixCase {
  return {
    area: 'weight files',
    name: file.name,
    run: async (session: Session): Promise<Finding> => {
      await session.open(session.page, '/#/playground');
      const chooser = session.page.getByLabel(CHOOSER);
      await chooser.waitFor({ state: 'attached', timeout: 15_000 });
      const before = await visibleMessages(session.page);
      const buffer = typeof file.text === 'string' ? Buffer.from(file.text) : file.text;
      await chooser.setInputFiles({ name: file.name, mimeType: 'application/json', buffer });
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        if (newMessages(before, await visibleMessages(session.page)).length > 0) return null;
        await session.page.waitForTimeout(200);
      }
      return { outcome: 'silent', detail: `${file.name}: no message within 10 s` };
    },
  };
}

/** A file given while a run trains: the page asks, and declining leaves the run training. */
const whileTraining: MatrixCase = {
  area: 'weight files',
  name: 'a file while a run trains, declined',
  run: async (session) => {
    const page = session.page;
    await session.open(page, '/?until=100000#/playground');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    const status = page.locator('.run-status li').first();
    await status.filter({ hasText: /training, step [1-9]/ }).waitFor({ timeout: 20_000 });
    await page.getByLabel(CHOOSER).setInputFiles({
      name: 'shapes.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(layer(4, 2, 2))),
    });
    const dialog = page.getByRole('dialog');
    if ((await dialog.count()) === 0) {
      await page.waitForTimeout(1000);
      if ((await dialog.count()) === 0)
        return { outcome: 'loss', detail: 'replaced a training run without asking' };
    }
    await dialog
      .getByRole('button', { name: /Cancel|Keep/ })
      .first()
      .click();
    const first = Number((await status.textContent())?.match(/step (\d+)/)?.[1] ?? 0);
    await page.waitForTimeout(1500);
    const later = Number((await status.textContent())?.match(/step (\d+)/)?.[1] ?? 0);
    return later > first ? null : { outcome: 'stuck', detail: `run stayed at step ${first} after declining` };
  },
};

export function weightCases(): MatrixCase[] {
  return [...WEIGHT_FILES.map(fileCase), whileTraining];
}
