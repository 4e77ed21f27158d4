import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildVocabulary, DEFAULT_VOCABULARY } from '../../../app/engine';
import type { EngineBridge, LabQuestion } from '../../../app/engineBridge';
import { LabSamplesEmbed, LabTrainerEmbed } from '../../../app/lab/LessonLabEmbeds';
import { LAB_SLOT, sourceTextNow } from '../../../app/lab/labChoice';
import { useStore } from '../../../app/store';
import type { LabAnswer } from '../../../engine/worker/protocol';
import { FakeBridge } from '../widgets/fakeBridge';

// The lab keeps its model in IndexedDB, which jsdom lacks: a map stands in, and counts the reads.
const stored = new Map<string, unknown>();
const reads = vi.hoisted(() => ({ count: 0 }));
vi.mock('idb-keyval', () => ({
  get: async (key: string) => {
    reads.count++;
    return stored.get(key);
  },
  set: async (key: string, value: unknown) => void stored.set(key, value),
  del: async (key: string) => void stored.delete(key),
}));

const prose = sourceTextNow({ kind: 'builtin', id: 'course-prose' })!;
const symbols = buildVocabulary(prose, DEFAULT_VOCABULARY).vocabulary.symbols;

/** The fake worker, answering the lab's questions and exporting made-up weights. */
class LabBridge extends FakeBridge {
  readonly questions: LabQuestion[] = [];
  readonly exports: string[] = [];
  ask(_slot: string, question: LabQuestion): Promise<LabAnswer | null> {
    this.questions.push(question);
    if (question.type === 'sample')
      return Promise.resolve({ kind: 'sample', step: 20, text: ` babble ${this.questions.length}` });
    return Promise.resolve({ kind: 'refused', message: 'Not in this test.' });
  }
  override exportWeights(): Promise<string> {
    this.exports.push(LAB_SLOT);
    return Promise.resolve('{"weights": "fake"}');
  }
}

let fakes = 0;
function connect(): LabBridge {
  // The lab remembers ended runs by id for the whole tab (this file): each fake names its runs apart.
  const bridge = new LabBridge(`fake${++fakes}:`);
  useStore.setState({ runs: {}, labSamples: [], labHistory: null, labProfiles: {} });
  useStore.getState().connectEngine(bridge as unknown as EngineBridge);
  return bridge;
}

/** The worker's side of a lab run that started and trained 20 steps to an evaluation. */
function trainTwentySteps(bridge: LabBridge) {
  act(() => {
    bridge.started(LAB_SLOT, {
      baseline: { value: 30, description: 'unigram' },
      references: [{ value: 12, description: 'bigram' }],
      vocabulary: { symbols, report: null },
    });
    bridge.snapshot(LAB_SLOT, { steps: 20, loss: 2, evaluation: { perplexity: 9 } });
  });
}

let bridge: LabBridge;
/** For what appears after a redraw (they come every 125 ms, later on a busy machine). */
const LATER = { timeout: 5000 };

// Generous limits: the lab's components are many, and the machine running the tests may be busy.
describe("lesson 6's lab widgets", { timeout: 20_000 }, () => {
  beforeEach(() => {
    stored.clear();
    reads.count = 0;
    bridge = connect();
  });

  it('train the one lab model on the course prose with the chosen cell, and say it is the lab’s', async () => {
    const user = userEvent.setup();
    render(<LabTrainerEmbed notice="Look at the figure." />);
    await user.selectOptions(screen.getByLabelText('Cell'), 'gru');
    await user.click(screen.getByRole('button', { name: 'Train' }));
    expect(bridge.starts).toHaveLength(1);
    expect(bridge.starts[0]!.slot).toBe(LAB_SLOT);
    expect(bridge.starts[0]!.config).toMatchObject({ cell: 'gru', task: { kind: 'text', text: prose } });
    trainTwentySteps(bridge);
    expect(await screen.findByText(/Held-out perplexity 9 at step 20/, undefined, LATER)).toBeInTheDocument();
    expect(screen.getByText(/below the bigram line/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Language lab' })).toHaveAttribute('href', '/lab');
  });

  it('share the model between widgets: one keeper reads the saved model, the samples follow the trainer', async () => {
    const user = userEvent.setup();
    render(
      <>
        <LabTrainerEmbed notice="Look at the figure." />
        <LabSamplesEmbed notice="Look at the figure." />
      </>,
    );
    // Two widgets, one keeper: the saved model is looked for once.
    await vi.waitFor(() => expect(reads.count).toBe(1), LATER);
    await user.click(screen.getAllByRole('button', { name: 'Train' })[0]!);
    trainTwentySteps(bridge);
    // Both widgets' controls drive the same run.
    expect(await screen.findAllByRole('button', { name: 'Pause' }, LATER)).toHaveLength(2);
    // The first sample is asked for when the samples see the run going (redraws come every 125 ms).
    expect(await screen.findByText(/babble/, undefined, LATER)).toBeInTheDocument();
    expect(screen.getByText(/step 20 · T 0\.5/)).toBeInTheDocument();
    expect(reads.count).toBe(1);
  });

  it('on leaving, pause and save the model, end its worker, and restore it in the next widget', async () => {
    const user = userEvent.setup();
    const first = render(<LabTrainerEmbed notice="Look at the figure." />);
    await user.click(screen.getByRole('button', { name: 'Train' }));
    trainTwentySteps(bridge);
    first.unmount();
    await vi.waitFor(() => expect(bridge.released).toEqual([LAB_SLOT]), LATER);
    expect(bridge.commands.some((command) => command.kind === 'pause')).toBe(true);
    expect(bridge.exports).toEqual([LAB_SLOT]);
    expect(stored.size).toBe(1);

    // Coming back: the saved model is loaded into a new run of the same slot, paused.
    render(<LabTrainerEmbed notice="Look at the figure." />);
    await vi.waitFor(() => expect(bridge.starts).toHaveLength(2), LATER);
    expect(bridge.starts[1]!.options).toMatchObject({ weights: '{"weights": "fake"}', paused: true });
    act(() => bridge.started(LAB_SLOT, { vocabulary: { symbols, report: null } }));
    expect(
      await screen.findByText(/Your saved model is back: trained 20 steps/, undefined, LATER),
    ).toBeInTheDocument();
  });

  it('leave the worker alone when another widget takes the model at once', async () => {
    const user = userEvent.setup();
    const first = render(<LabTrainerEmbed notice="Look at the figure." />);
    await user.click(screen.getByRole('button', { name: 'Train' }));
    trainTwentySteps(bridge);
    const starts = bridge.starts.length;
    first.unmount();
    render(<LabSamplesEmbed notice="Look at the figure." />);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(bridge.released).toEqual([]);
    expect(bridge.commands.some((command) => command.kind === 'pause')).toBe(false);
    // It went on with the live model rather than restoring one.
    expect(bridge.starts).toHaveLength(starts);
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
  });
});
