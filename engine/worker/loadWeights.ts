/**
 * Loading PyTorch-layout weights into a new run's model, for a run that starts from saved or imported
 * weights: parsed and checked here in the worker, off the page's thread.
 */
import { parseStateDict } from '../statedict.ts';
import type { Trainer } from '../trainer.ts';

/**
 * Copies the weights of state_dict JSON `text` into `trainer`'s model; throws an Error whose message
 * says why when the text is not a state_dict of this cell and depth, or its sizes are not the model's.
 */
export function loadWeights(trainer: Trainer, text: string): void {
  const target = trainer.model;
  const result = parseStateDict(text, trainer.config.cell, target.layers.length);
  if (!result.ok) throw new Error(`These weights cannot be loaded: ${result.errors.join(' ')}`);
  const { layers, head } = result.value;
  const from = [...layers.flatMap((layer) => [layer.Wih, layer.Whh, layer.bih, layer.bhh]), head.W, head.b];
  if (from.some((param, index) => param.w.length !== target.params[index]!.w.length)) {
    const [ours] = target.layers;
    throw new Error(
      `These weights are for input ${layers[0]!.inputSize}, hidden ${layers[0]!.hiddenSize}, output ${head.outputSize}; ` +
        `this run needs input ${ours!.inputSize}, hidden ${ours!.hiddenSize}, output ${target.head.outputSize}.`,
    );
  }
  // Both lists are in state_dict order (layer by layer, then the head).
  from.forEach((param, index) => {
    target.params[index]!.w.set(param.w);
  });
}
