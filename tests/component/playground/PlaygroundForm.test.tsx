/**
 * The playground's form as a learner types into it: a value that cannot be used holds Train (naming
 * every such setting), typing is never rewritten, and decimal commas read as the quiz reads them.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { PlaygroundPage } from '../../../app/pages/PlaygroundPage';
import { useStore } from '../../../app/store';
import { FakeEngine } from '../quiz/fakeEngine';

let engine: FakeEngine;

beforeEach(() => {
  engine = new FakeEngine();
  useStore.setState({ runs: {} });
  useStore.getState().connectEngine(engine);
});

function renderPlayground(path = '/playground') {
  const memory = memoryLocation({ path, record: true });
  render(
    <Router hook={memory.hook} searchHook={memory.searchHook}>
      <PlaygroundPage />
    </Router>,
  );
  return { address: () => memory.history!.at(-1) };
}

async function typeInto(label: string, text: string) {
  const user = userEvent.setup();
  const field = screen.getByLabelText(label);
  await user.tripleClick(field);
  await user.keyboard('{Backspace}');
  await user.type(field, text);
  await user.tab();
  return user;
}

const trainButton = () => screen.getByRole('button', { name: 'Train' });

describe('the playground form', () => {
  it('holds Train while fields show values that are not in use, naming each with a link to it', async () => {
    renderPlayground();
    await typeInto('Hidden size', '999');
    await typeInto('Seed', '-5');
    await typeInto('Lag', '0');
    const user = await typeInto('Learning rate', 'abc');

    expect(screen.getByLabelText('Hidden size')).toHaveValue('999');
    expect(trainButton()).toBeDisabled();
    expect(trainButton()).toHaveAccessibleDescription(/Fix 4 settings first/);
    const list = screen.getByText('Fix 4 settings first:').closest('.fix-first') as HTMLElement;
    const links = within(list).getAllByRole('button');
    expect(links.map((link) => link.textContent)).toEqual(['Lag', 'Hidden size', 'Learning rate', 'Seed']);
    expect(list).toHaveTextContent('Learning rate: Learning rate must be a number from');

    await user.click(trainButton());
    expect(engine.starts).toEqual([]);
    await user.click(within(list).getByRole('button', { name: 'Learning rate' }));
    expect(screen.getByLabelText('Learning rate')).toHaveFocus();

    await typeInto('Hidden size', '48');
    await typeInto('Seed', '5');
    await typeInto('Lag', '7');
    expect(screen.getByText('Fix 1 setting first:')).toBeVisible();
    await typeInto('Learning rate', '0,005');
    expect(screen.queryByText(/settings? first/)).toBeNull();
    await user.click(trainButton());
    expect(engine.starts).toHaveLength(1);
    const { config } = engine.starts[0]!;
    expect([config.hiddenSize, config.seed, config.learningRate]).toEqual([48, 5, 0.005]);
    expect(config.task).toMatchObject({ kind: 'recall', lag: 7 });
  });

  it('keeps "Steps to train" as typed: clearing it and typing 500 trains for 500 steps', async () => {
    renderPlayground();
    const user = await typeInto('Steps to train', '500');
    expect(screen.getByLabelText('Steps to train')).toHaveValue('500');
    await user.click(trainButton());
    expect(engine.starts[0]!.options.maxSteps).toBe(500);
  });

  it('asks about a comma that reads two ways instead of guessing, and holds Train', async () => {
    renderPlayground();
    await typeInto('Steps to train', '1,500');
    expect(screen.getByRole('alert')).toHaveTextContent('Did you mean 1.5 or 1500?');
    expect(trainButton()).toBeDisabled();
  });

  it('explains a batching choice the task cannot have instead of calling it not allowed', async () => {
    renderPlayground('/playground?task=sine');
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Batching'), 'buckets');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(/only the recall and adding tasks have/);
    expect(alert).not.toHaveTextContent(/must be one of/);
    expect(screen.getByLabelText('Batching')).toHaveValue('fixed');
    expect(trainButton()).toBeEnabled();
  });
});
