import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildVocabulary, DEFAULT_VOCABULARY } from '../../../app/engine';
import type { EngineBridge, LabQuestion } from '../../../app/engineBridge';
import { builtinText } from '../../../app/engineTexts';
import { LAB_SLOT, loadSourceText, sourceTextNow } from '../../../app/lab/labChoice';
import { LabPage } from '../../../app/pages/LabPage';
import { useStore } from '../../../app/store';
import type { LabAnswer } from '../../../engine/worker/protocol';
import { FakeBridge } from '../widgets/fakeBridge';
import { plantedTrace, quotedText } from './insideFixtures';

// The lab keeps its model in IndexedDB, which jsdom lacks: a map stands in.
const stored = new Map<string, unknown>();
vi.mock('idb-keyval', () => ({
  get: async (key: string) => stored.get(key),
  set: async (key: string, value: unknown) => void stored.set(key, value),
  del: async (key: string) => void stored.delete(key),
}));

/** The fake worker: samples of made-up babble, and a trace with a planted quote unit for any passage. */
class LabBridge extends FakeBridge {
  readonly questions: LabQuestion[] = [];
  ask(_slot: string, question: LabQuestion): Promise<LabAnswer | null> {
    this.questions.push(question);
    if (question.type === 'sample')
      return Promise.resolve({ kind: 'sample', step: 20, text: ` babble ${this.questions.length}` });
    if (question.type === 'trace')
      return Promise.resolve({
        kind: 'trace',
        step: 20,
        passage: question.passage,
        trace: plantedTrace(question.passage),
      });
    return Promise.resolve({ kind: 'refused', message: 'Not in this test.' });
  }
}

let fakes = 0;
let bridge: LabBridge;
const LATER = { timeout: 8000 };

/** The page at `query`, with a fresh fake worker. */
function openLab(query: string) {
  window.history.replaceState(null, '', `/lab?${query}`);
  bridge = new LabBridge(`page${++fakes}:`);
  useStore.setState({ runs: {}, labSamples: [], labHistory: null, labProfiles: {} });
  useStore.getState().connectEngine(bridge as unknown as EngineBridge);
  return render(<LabPage />);
}

/** The worker's side of a run that started and trained 20 steps on `text`. */
function trainTwentySteps(text: string) {
  act(() => {
    bridge.started(LAB_SLOT, {
      baseline: { value: 30, description: 'unigram' },
      references: [{ value: 12, description: 'bigram' }],
      vocabulary: { symbols: buildVocabulary(text, DEFAULT_VOCABULARY).vocabulary.symbols, report: null },
    });
    bridge.snapshot(LAB_SLOT, { steps: 20, loss: 2, evaluation: { perplexity: 9 } });
  });
}

describe('the Language lab page', { timeout: 30_000 }, () => {
  beforeEach(() => stored.clear());
  // A page that leaves pauses, saves and then releases the lab's run; let that finish here, or its
  // release lands in the next test and stops that test's run.
  afterEach(async () => {
    cleanup();
    if (useStore.getState().runs[LAB_SLOT])
      await vi.waitFor(() => expect(bridge.released).toContain(LAB_SLOT), LATER);
  });

  it('generates the toy code off the page, offers Train only once it is here, and trains on exactly it', async () => {
    const user = userEvent.setup();
    openLab('text=toy-code');
    // The text is not made on the page's thread: until it arrives nothing can train on it.
    expect(sourceTextNow({ kind: 'builtin', id: 'toy-code' })).toBeNull();
    expect(screen.getAllByText('Generating the toy code…').length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Train' })).toBeNull();
    await user.click(await screen.findByRole('button', { name: 'Train' }, LATER));
    const toyCode = await loadSourceText({ kind: 'builtin', id: 'toy-code' });
    expect(toyCode).toBe(builtinText('toy-code')!.text());
    expect(bridge.starts).toHaveLength(1);
    expect(bridge.starts[0]!.config.task).toMatchObject({ kind: 'text', text: toyCode });
    expect(screen.queryByText('Generating the toy code…')).toBeNull();
    // The generator stops after the unit that passes 40,000 characters, so the count is its own.
    expect(
      screen.getByText(new RegExp(`${toyCode!.length.toLocaleString('en-US')} characters`)),
    ).toBeInTheDocument();
  });

  it('trains, shows a sample of the model, and finds the unit planted for quotes', async () => {
    const user = userEvent.setup();
    openLab('text=course-prose');
    await user.click(screen.getByRole('button', { name: 'Train' }));
    const prose = sourceTextNow({ kind: 'builtin', id: 'course-prose' })!;
    expect(bridge.starts[0]!.config.task).toMatchObject({ kind: 'text', text: prose });
    trainTwentySteps(prose);
    expect(await screen.findByText(/babble/, undefined, LATER)).toBeInTheDocument();

    const passage = screen.getByLabelText(/^Passage to look at/);
    await user.clear(passage);
    await user.click(passage);
    await user.paste(quotedText);
    // Look inside waits for the page's view of the run, which follows the store in a transition.
    const look = screen.getByRole('button', { name: 'Look inside' });
    await waitFor(() => expect(look).toBeEnabled(), LATER);
    await user.click(look);
    // The question goes out once the panel has taken the passage (a render later on a loaded machine).
    await waitFor(
      () =>
        expect(bridge.questions).toContainEqual(
          expect.objectContaining({ type: 'trace', passage: quotedText }),
        ),
      LATER,
    );
    const find = await screen.findByRole('region', { name: 'Find a unit for…' }, LATER);
    const ranking = await within(find).findAllByRole('listitem', undefined, LATER);
    expect(ranking[0]).toHaveTextContent(/^Layer 2, unit 3 \(hidden state h\): r = (0\.9\d|1\.00)/);
  });
});
