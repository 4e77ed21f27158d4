import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { WeightsPanel } from '../../../app/playground/WeightsPanel';
import { useStore } from '../../../app/store';
import { DEFAULT_TRAINER_CONFIG } from '../../../engine/trainerConfig';
import { connectFakeBridge, type FakeBridge } from '../widgets/fakeBridge';

let bridge: FakeBridge;
const SLOT = 'playground-a';

function renderPanel() {
  return render(<WeightsPanel slot={SLOT} label="LSTM" config={DEFAULT_TRAINER_CONFIG} maxSteps={100} />);
}

/** A run that is training, 10 steps in. */
function training(): string {
  useStore.getState().startRun(SLOT, DEFAULT_TRAINER_CONFIG, { maxSteps: 100, speed: { kind: 'max' } });
  act(() => {
    bridge.started(SLOT);
    bridge.snapshot(SLOT, { steps: 10 });
  });
  return useStore.getState().runs[SLOT]!.runId;
}

const file = (text: string, name = 'weights.json') => new File([text], name, { type: 'application/json' });

describe('WeightsPanel', () => {
  beforeEach(() => {
    bridge = connectFakeBridge();
  });

  it('asks before a loaded file replaces a run that is training, and Cancel keeps it', async () => {
    const user = userEvent.setup();
    training();
    renderPanel();
    await user.upload(screen.getByLabelText('Weights file for LSTM'), file('{}'));
    expect(screen.getByRole('dialog', { name: "Replace LSTM's run?" })).toHaveTextContent(
      'it is training, at step 10',
    );
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bridge.starts).toHaveLength(1);
  });

  it('sends the file’s text to the worker unparsed, and a refused file leaves the run as it was', async () => {
    const user = userEvent.setup();
    const runId = training();
    renderPanel();
    const broken = '{"weight_ih_l0": [[1, "x"]]}';
    await user.upload(screen.getByLabelText('Weights file for LSTM'), file(broken, 'broken.json'));
    await user.click(screen.getByRole('button', { name: 'Replace the run' }));
    // Parsing happens once, in the worker: the page passes the text on as it is.
    expect(bridge.starts.at(-1)!.options).toMatchObject({ weights: broken, paused: true });
    act(() => bridge.problem(SLOT, 'These weights cannot be loaded: weight_ih_l0 holds a non-number.'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'broken.json cannot be loaded: These weights cannot be loaded: weight_ih_l0 holds a non-number.',
    );
    expect(useStore.getState().runs[SLOT]).toMatchObject({ runId, stepCount: 10 });
  });

  it('replaces the run once the worker accepts the weights', async () => {
    const user = userEvent.setup();
    renderPanel();
    // Nothing to lose: no question.
    await user.upload(screen.getByLabelText('Weights file for LSTM'), file('{"ok": true}'));
    expect(screen.queryByRole('dialog')).toBeNull();
    const start = bridge.starts.at(-1)!;
    expect(useStore.getState().runs[SLOT]).toBeUndefined();
    act(() => {
      bridge.started(SLOT);
      bridge.snapshot(SLOT, { status: 'paused' });
    });
    expect(await screen.findByRole('status')).toHaveTextContent('Loaded weights.json into LSTM.');
    expect(useStore.getState().runs[SLOT]).toMatchObject({ runId: start.runId, phase: 'paused' });
  });
});
