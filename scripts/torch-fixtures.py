#!/usr/bin/env python3
"""Writes tests/fixtures/torch/*.json: what real PyTorch computes, in float64, for the engine to match.

    npm run fixtures:torch          (runs /usr/bin/python3 scripts/torch-fixtures.py; needs torch >= 1.13)

Two kinds of file:

- layer-<cell>-<name>.json: one forward and backward of torch.nn.RNN/LSTM/GRU(batch_first=True) and an
  nn.Linear head named fc, as the engine has it (engine/head.ts): softmax cross-entropy on class labels
  (F.cross_entropy, mean over the target positions) or MSE on values (F.mse_loss, mean over target
  positions and outputs), many-to-one (a target at each sequence's last step) or many-to-many (at every
  valid step). Ragged batches go through pack_padded_sequence(enforce_sorted=False). Every gradient comes
  from autograd: the state_dict's, dL/dx, dL/dh0 and dL/dc0. Files with numLayers 2 or 3 are stacked
  layers, written ahead of the engine supporting them.
- train-<cell>-<mapping>.json: a training trajectory from given initial weights over given batches:
  Adam with clip_grad_norm_ (over every parameter, the head's too), then SGD with momentum (a new
  optimiser, so fresh momentum buffers); the loss before each update and the weights at the end.

Shapes follow PyTorch: h0, c0, hN, cN, dh0, dc0 are [numLayers][B][H]; x, dx [B][T][I]; outputs [B][T][H]
(zeros past each length). Targets are in the engine's form: labels [B][T] with -1 where there is none, or
values [B][T][O] with weight [B][T] (1 at a target, 0 elsewhere). Deterministic: one seeded torch
Generator per file.
"""
import json
from pathlib import Path

import torch
import torch.nn.functional as F
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

OUT = Path(__file__).resolve().parent.parent / 'tests' / 'fixtures' / 'torch'
MODULES = {'rnn': torch.nn.RNN, 'lstm': torch.nn.LSTM, 'gru': torch.nn.GRU}
GENERATOR = f'scripts/torch-fixtures.py, torch {torch.__version__}, float64'

torch.set_default_dtype(torch.float64)


def build_model(cell, I, H, O, layers, gen):
    """The layer and head with weights drawn from gen (normal, scaled so the gates do not saturate)."""
    rnn = MODULES[cell](I, H, num_layers=layers, batch_first=True)
    fc = torch.nn.Linear(H, O)
    with torch.no_grad():
        for name, p in rnn.named_parameters():
            fan_in = I if name.startswith('weight_ih_l0') else H
            scale = 0.3 if name.startswith('bias') else 1.2 / fan_in ** 0.5
            p.copy_(torch.randn(p.shape, generator=gen) * scale)
        for p in fc.parameters():
            p.copy_(torch.randn(p.shape, generator=gen) * 0.5)
    return rnn, fc


def state_dict(rnn, fc):
    values = {k: v.tolist() for k, v in rnn.state_dict().items()}
    values.update({f'fc.{k}': v.tolist() for k, v in fc.state_dict().items()})
    return values


def gradients(rnn, fc):
    grads = {k: p.grad.tolist() for k, p in rnn.named_parameters()}
    grads.update({f'fc.{k}': p.grad.tolist() for k, p in fc.named_parameters()})
    return grads


def draw_batch(gen, B, T, I, O, lengths, head, mapping):
    """x, the target in the engine's form, and the [B][T] mask of target positions."""
    x = torch.randn(B, T, I, generator=gen)
    selected = torch.zeros(B, T, dtype=torch.bool)
    for b, length in enumerate(lengths):
        if mapping == 'one':
            selected[b, length - 1] = True
        else:
            selected[b, :length] = True
    if head == 'class':
        labels = torch.randint(0, O, (B, T), generator=gen)
        labels[~selected] = -1
        target = {'kind': 'class', 'numClasses': O, 'labels': labels.tolist()}
    else:
        values = torch.randn(B, T, O, generator=gen)
        values[~selected] = 0.0
        target = {'kind': 'value', 'size': O, 'values': values.tolist(), 'weight': selected.double().tolist()}
    return x, target, selected


def run_model(rnn, fc, cell, x, lengths, target, selected, h0=None, c0=None):
    """Forward through a packed batch and the head; returns (loss, outputs, hN, cN)."""
    T = x.shape[1]
    packed = pack_padded_sequence(x, torch.tensor(lengths), batch_first=True, enforce_sorted=False)
    state = None if h0 is None else (h0, c0) if cell == 'lstm' else h0
    out, last = rnn(packed, state)
    outputs, _ = pad_packed_sequence(out, batch_first=True, total_length=T)
    hN, cN = last if cell == 'lstm' else (last, None)
    y = fc(outputs[selected])
    if target['kind'] == 'class':
        loss = F.cross_entropy(y, torch.tensor(target['labels'])[selected])
    else:
        loss = F.mse_loss(y, torch.tensor(target['values'])[selected])
    return loss, outputs, hN, cN


def layer_fixture(cell, name, I, H, O, lengths, T, layers, head, mapping, initial_state, seed):
    gen = torch.Generator().manual_seed(seed)
    B = len(lengths)
    rnn, fc = build_model(cell, I, H, O, layers, gen)
    weights = state_dict(rnn, fc)
    x, target, selected = draw_batch(gen, B, T, I, O, lengths, head, mapping)
    x.requires_grad_(True)
    # Zeros stand in for an absent state so autograd still reports dL/dh0 (the engine returns it too).
    h0 = torch.randn(layers, B, H, generator=gen) * 0.5 if initial_state else torch.zeros(layers, B, H)
    c0 = torch.randn(layers, B, H, generator=gen) * 0.5 if initial_state else torch.zeros(layers, B, H)
    h0.requires_grad_(True)
    c0.requires_grad_(True)
    loss, outputs, hN, cN = run_model(rnn, fc, cell, x, lengths, target, selected, h0, c0)
    loss.backward()
    fixture = {
        'generator': GENERATOR,
        'cell': cell,
        'numLayers': layers,
        'inputSize': I,
        'hiddenSize': H,
        'outputSize': O,
        'mapping': 'many-to-one' if mapping == 'one' else 'many-to-many',
        'stateDict': weights,
        'x': x.tolist(),
        'lengths': lengths,
        'h0': h0.tolist() if initial_state else None,
        'c0': c0.tolist() if initial_state and cell == 'lstm' else None,
        'target': target,
        'expected': {
            'loss': loss.item(),
            'outputs': outputs.tolist(),
            'hN': hN.tolist(),
            'cN': cN.tolist() if cN is not None else None,
            'grads': gradients(rnn, fc),
            'dx': x.grad.tolist(),
            'dh0': h0.grad.tolist(),
            'dc0': c0.grad.tolist() if cell == 'lstm' else None,
        },
    }
    return f'layer-{cell}-{name}', fixture


# (cell, name, I, H, O, lengths, T, numLayers, head, mapping, initial state, seed). "wide" has I > G·H.
LAYER_CASES = [
    ('rnn', 'plain', 3, 4, 3, [5, 5], 5, 1, 'class', 'many', False, 11),
    ('rnn', 'ragged', 4, 5, 2, [6, 2, 4], 6, 1, 'value', 'one', True, 12),
    ('rnn', 'wide', 7, 5, 3, [3, 5, 1, 4], 5, 1, 'value', 'many', True, 13),
    ('lstm', 'plain', 3, 4, 3, [5, 5], 5, 1, 'class', 'one', False, 21),
    ('lstm', 'ragged', 4, 5, 2, [6, 2, 4], 6, 1, 'value', 'many', True, 22),
    ('lstm', 'wide', 19, 4, 3, [3, 5, 1, 4], 5, 1, 'class', 'many', True, 23),
    ('gru', 'plain', 3, 4, 3, [5, 5], 5, 1, 'value', 'one', False, 31),
    ('gru', 'ragged', 4, 5, 2, [6, 2, 4], 6, 1, 'class', 'many', True, 32),
    ('gru', 'wide', 17, 5, 3, [3, 5, 1, 4], 5, 1, 'class', 'one', True, 33),
    ('rnn', 'stacked2', 3, 4, 3, [5, 2, 4], 5, 2, 'class', 'many', True, 41),
    ('rnn', 'stacked3', 4, 3, 2, [4, 4, 1], 4, 3, 'value', 'one', False, 42),
    ('lstm', 'stacked2', 3, 4, 3, [5, 2, 4], 5, 2, 'class', 'one', True, 43),
    ('lstm', 'stacked3', 4, 3, 2, [4, 4, 1], 4, 3, 'value', 'many', True, 44),
    ('gru', 'stacked2', 3, 4, 3, [5, 2, 4], 5, 2, 'value', 'many', True, 45),
    ('gru', 'stacked3', 4, 3, 2, [4, 4, 1], 4, 3, 'class', 'one', False, 46),
]

# Both phases of every trajectory; the clip threshold is set so that it fires on some steps only.
PHASES = [
    {'optimizer': {'kind': 'adam', 'beta1': 0.9, 'beta2': 0.999, 'epsilon': 1e-8}, 'learningRate': 0.02,
     'maxNorm': 0.5, 'steps': 30},
    {'optimizer': {'kind': 'momentum', 'momentum': 0.9}, 'learningRate': 0.05, 'maxNorm': None, 'steps': 30},
]
POOL = 6


def make_optimizer(spec, params, lr):
    if spec['kind'] == 'adam':
        return torch.optim.Adam(params, lr=lr, betas=(spec['beta1'], spec['beta2']), eps=spec['epsilon'])
    return torch.optim.SGD(params, lr=lr, momentum=spec['momentum'], dampening=0, nesterov=False)


def train_fixture(cell, head, mapping, seed):
    """Trains on batch k mod POOL at step k; records the loss each step sees and the final weights."""
    I, H, O, B, T = 3, 5, 3 if head == 'class' else 2, 4, 6
    gen = torch.Generator().manual_seed(seed)
    rnn, fc = build_model(cell, I, H, O, 1, gen)
    initial = state_dict(rnn, fc)
    batches = []
    for _ in range(POOL):
        lengths = torch.randint(2, T + 1, (B,), generator=gen).tolist()
        x, target, selected = draw_batch(gen, B, T, I, O, lengths, head, mapping)
        batches.append((x, lengths, target, selected))
    params = list(rnn.parameters()) + list(fc.parameters())
    losses, norms = [], []
    step = 0
    for phase in PHASES:
        optimizer = make_optimizer(phase['optimizer'], params, phase['learningRate'])
        for _ in range(phase['steps']):
            x, lengths, target, selected = batches[step % POOL]
            optimizer.zero_grad()
            loss, _, _, _ = run_model(rnn, fc, cell, x, lengths, target, selected)
            loss.backward()
            if phase['maxNorm'] is not None:
                norms.append(torch.nn.utils.clip_grad_norm_(params, phase['maxNorm']).item())
            else:
                norms.append(torch.norm(torch.stack([p.grad.norm() for p in params])).item())
            optimizer.step()
            losses.append(loss.item())
            step += 1
    fixture = {
        'generator': GENERATOR,
        'cell': cell,
        'inputSize': I,
        'hiddenSize': H,
        'outputSize': O,
        'mapping': 'many-to-one' if mapping == 'one' else 'many-to-many',
        'phases': PHASES,
        'initialStateDict': initial,
        'batches': [{'x': x.tolist(), 'lengths': lengths, 'target': target} for x, lengths, target, _ in batches],
        'expected': {'losses': losses, 'gradNorms': norms, 'finalStateDict': state_dict(rnn, fc)},
    }
    return f'train-{cell}-{fixture["mapping"]}', fixture


TRAIN_CASES = [('lstm', 'class', 'one', 51), ('gru', 'value', 'many', 52)]


def dumps(value, indent=0):
    """JSON with objects spread one key a line and arrays on one line (floats as Python's shortest repr)."""
    if isinstance(value, dict):
        pad = ' ' * (indent + 2)
        items = [f'{pad}{json.dumps(k)}: {dumps(v, indent + 2)}' for k, v in value.items()]
        return '{\n' + ',\n'.join(items) + '\n' + ' ' * indent + '}'
    return json.dumps(value, separators=(',', ':'))


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    written = [layer_fixture(*case) for case in LAYER_CASES] + [train_fixture(*case) for case in TRAIN_CASES]
    for name, fixture in written:
        (OUT / f'{name}.json').write_text(dumps(fixture) + '\n')
    total = sum((OUT / f'{name}.json').stat().st_size for name, _ in written)
    print(f'Wrote {len(written)} files to {OUT} ({total / 1024:.0f} KB).')


if __name__ == '__main__':
    main()
