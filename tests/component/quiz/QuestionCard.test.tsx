import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useStore } from '../../../app/store';
import { EMPTY_PROGRESS } from '../../../app/store/progressFormat';
import { multiple, numeric, ordering, single } from './fixtures';
import { renderQuiz } from './renderQuiz';

beforeEach(() => {
  useStore.setState({ progress: EMPTY_PROGRESS, progressSaved: true, storageNotice: null });
});

/** The question's list item, found by its prompt. */
async function question(prompt: RegExp) {
  const legend = await screen.findByText(prompt, { selector: '.question-prompt, .question-prompt *' });
  const item = legend.closest('li.question');
  if (!(item instanceof HTMLElement)) throw new Error('no question item');
  return item;
}

const saved = (slug: string, id: string) => useStore.getState().progress.lessons[slug]?.questions[id];

describe('the "Check yourself" section', () => {
  it('shows a heading to link to, every question numbered, and the score so far', async () => {
    renderQuiz([single, multiple]);
    expect(await screen.findByRole('heading', { level: 2, name: 'Check yourself' })).toHaveAttribute(
      'id',
      'check-yourself',
    );
    expect(screen.getByText(/Your score:/).parentElement).toHaveTextContent('Your score: 2 questions');
    // Each question is a fieldset whose legend holds its number and prompt. (jsdom cannot compute the
    // accessible name of a legend holding KaTeX's MathML, so the legends are read directly.)
    const legends = (await screen.findAllByRole('group')).map(
      (group) => group.querySelector('legend')?.textContent,
    );
    expect(legends[0]).toMatch(/^Question 1 of 2 · Choose one answer What is the shape of/);
    expect(legends[1]).toMatch(/^Question 2 of 2 · Choose every answer that applies Which follow/);
  });
});

describe('a single-choice question', () => {
  it('says "not quite" with the chosen choice’s feedback, then takes a second try and says "right"', async () => {
    const user = userEvent.setup();
    const { lesson } = renderQuiz([single]);
    const item = await question(/What is the shape of/);
    // The prompt's TeX is typeset by KaTeX, with MathML for screen readers.
    expect(item.querySelector('.question-prompt .katex math')).not.toBeNull();
    const group = within(item).getByRole('group');
    await user.click(within(item).getByRole('button', { name: 'Check' }));
    expect(within(item).getByText('Choose an answer first.')).toBeVisible();
    expect(saved(lesson.slug, single.id)).toBeUndefined();

    const radios = within(group).getAllByRole('radio');
    await user.click(radios[1]!);
    await user.click(within(item).getByRole('button', { name: 'Check' }));
    expect(within(item).getByText('Not quite.')).toBeVisible();
    expect(within(item).getByText('That is the input matrix.')).toBeVisible();
    expect(within(item).getByText(/The recurrent matrix is/)).toBeVisible();
    expect(group).toBeDisabled();
    expect(within(item).getByText('(wrong)')).toBeVisible();

    const retry = within(item).getByRole('button', { name: 'Try again' });
    expect(retry).toHaveFocus(); // The Check button became Try again in place, so focus stayed.
    await user.click(retry);
    expect(group).toBeEnabled();
    await waitFor(() => expect(radios[0]).toHaveFocus());
    await user.click(radios[0]!);
    await user.click(within(item).getByRole('button', { name: 'Check' }));
    expect(within(item).getByText('Right.')).toBeVisible();
    expect(within(item).getByText('It maps the state to itself.')).toBeVisible();
    expect(within(item).getByText('2 attempts · best 100%')).toBeVisible();
    expect(saved(lesson.slug, single.id)).toMatchObject({
      attempts: 2,
      bestScore: 1,
      lastScore: 1,
      completed: true,
    });
    expect(screen.getByText(/Your score:/).parentElement).toHaveTextContent(
      '1 of 1 answered · 100% · all answered',
    );
  });

  it('announces feedback in a polite live region', async () => {
    const user = userEvent.setup();
    renderQuiz([single]);
    const item = await question(/What is the shape of/);
    await user.click(within(item).getAllByRole('radio')[0]!);
    await user.click(within(item).getByRole('button', { name: 'Check' }));
    const live = item.querySelector('[aria-live="polite"].question-status');
    expect(live).toHaveTextContent('Right.');
  });

  it('shows the hint on request and hides it again', async () => {
    const user = userEvent.setup();
    renderQuiz([single]);
    const item = await question(/What is the shape of/);
    const hint = within(item).getByRole('button', { name: 'Hint' });
    expect(hint).toHaveAttribute('aria-expanded', 'false');
    expect(within(item).queryByText('It multiplies the previous state.')).toBeNull();
    await user.click(hint);
    expect(within(item).getByText('It multiplies the previous state.')).toBeVisible();
    expect(within(item).getByRole('button', { name: 'Hide hint' })).toHaveAttribute('aria-expanded', 'true');
    await user.click(within(item).getByRole('button', { name: 'Hide hint' }));
    expect(within(item).queryByText('It multiplies the previous state.')).toBeNull();
  });

  it('comes back as the learner left it, answered and checked, after the page is left and reopened', async () => {
    const user = userEvent.setup();
    const first = renderQuiz([single]);
    const item = await question(/What is the shape of/);
    await user.click(within(item).getAllByRole('radio')[2]!);
    await user.click(within(item).getByRole('button', { name: 'Check' }));
    first.unmount();
    renderQuiz([single], first.lesson);
    const again = await question(/What is the shape of/);
    expect(within(again).getAllByRole('radio')[2]).toBeChecked();
    expect(within(again).getByText('Not quite.')).toBeVisible();
    expect(within(again).getByRole('button', { name: 'Try again' })).toBeVisible();
  });
});

describe('a multiple-choice question', () => {
  it('gives partial credit as "2 of 3 right", then full marks for the exact set', async () => {
    const user = userEvent.setup();
    const { lesson } = renderQuiz([multiple]);
    const item = await question(/Which follow from weight sharing/);
    await user.click(within(item).getByRole('checkbox', { name: 'Any length works.' }));
    await user.click(within(item).getByRole('checkbox', { name: 'The state grows with the sequence.' }));
    await user.click(within(item).getByRole('button', { name: 'Check' }));
    expect(within(item).getByText('Not quite: 1 of 3 right, 1 wrong pick.')).toBeVisible();
    expect(within(item).getByText('No: it always has H entries.')).toBeVisible();

    await user.click(within(item).getByRole('button', { name: 'Try again' }));
    await user.click(within(item).getByRole('checkbox', { name: 'The state grows with the sequence.' }));
    await user.click(within(item).getByRole('checkbox', { name: 'The parameter count is fixed.' }));
    await user.click(within(item).getByRole('button', { name: 'Check' }));
    expect(within(item).getByText('Partly right: 2 of 3 right.')).toBeVisible();
    expect(saved(lesson.slug, multiple.id)?.bestScore).toBeCloseTo(2 / 3);

    await user.click(within(item).getByRole('button', { name: 'Try again' }));
    await user.click(within(item).getByRole('checkbox', { name: 'Patterns transfer across positions.' }));
    await user.click(within(item).getByRole('button', { name: 'Check' }));
    expect(within(item).getByText('Right.')).toBeVisible();
    expect(saved(lesson.slug, multiple.id)).toMatchObject({ attempts: 3, bestScore: 1 });
  });
});

describe('a numeric question', () => {
  it('refuses text that is not a number or reads two ways without counting it, then reads "5376" as right', async () => {
    const user = userEvent.setup();
    const { lesson } = renderQuiz([numeric]);
    const item = await question(/How many parameters/);
    const field = within(item).getByRole('textbox', { name: 'Your answer' });
    expect(within(item).getByText('parameters')).toBeVisible();
    await user.click(within(item).getByRole('button', { name: 'Check' }));
    expect(within(item).getByText('Type a number first.')).toBeVisible();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/Type a number first/);

    await user.type(field, 'lots{Enter}');
    expect(within(item).getByText(/"lots" is not a number/)).toBeVisible();
    expect(saved(lesson.slug, numeric.id)).toBeUndefined();

    await user.clear(field);
    await user.type(field, '5000{Enter}');
    expect(within(item).getByText('Not quite: too low.')).toBeVisible();
    expect(saved(lesson.slug, numeric.id)?.attempts).toBe(1);
    // The hint comes first; the worked solution only when asked for, so that a retry still means something.
    expect(within(item).getByText(/Count the four gate blocks\. Try again with it/)).toBeVisible();
    expect(within(item).queryByText(/Four blocks of/)).toBeNull();
    const solution = within(item).getByRole('button', { name: 'Show the worked solution' });
    expect(solution).toHaveAttribute('aria-expanded', 'false');
    await user.click(solution);
    expect(within(item).getByText('Worked solution:')).toBeVisible();
    expect(within(item).getByRole('button', { name: 'Hide the worked solution' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );

    await user.click(within(item).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(field).toHaveFocus());
    await user.clear(field);
    await user.type(field, '5,376');
    await user.click(within(item).getByRole('button', { name: 'Check' }));
    expect(within(item).getByText(/Did you mean 5\.376 or 5376\?/)).toBeVisible();
    expect(saved(lesson.slug, numeric.id)?.attempts).toBe(1);

    await user.clear(field);
    await user.type(field, '5376');
    await user.click(within(item).getByRole('button', { name: 'Check' }));
    expect(within(item).getByText('Right.')).toBeVisible();
    expect(within(item).getByText('5,376 parameters.')).toBeVisible();
    // A right answer shows why at once.
    expect(within(item).getByText('Why:')).toBeVisible();
    expect(within(item).queryByRole('button', { name: /worked solution/ })).toBeNull();
    expect(saved(lesson.slug, numeric.id)).toMatchObject({
      attempts: 2,
      bestScore: 1,
      lastAnswer: { kind: 'numeric', text: '5376' },
    });
  });
});

describe('an ordering question', () => {
  const orderShown = (item: HTMLElement) =>
    within(item)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('ordering-item'))
      .map((li) =>
        li
          .querySelector('.ordering-text')
          ?.textContent?.replace(/\s*\(.*\)$/, '')
          .replace(/[✓✗]/g, '')
          .trim(),
      );

  it('is rearranged with Move up and Move down buttons, focus following the item, then checked', async () => {
    const user = userEvent.setup();
    const { lesson } = renderQuiz([ordering]);
    const item = await question(/Put one step of BPTT in order/);
    const correct = ordering.items.map((entry) => entry.text);
    const start = orderShown(item);
    expect(start).not.toEqual(correct);
    expect([...start].sort()).toEqual([...correct].sort());

    // The top item's Move up is disabled; every button is described by its item's text.
    const rows = within(item)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('ordering-item'));
    expect(within(rows[0]!).getByRole('button', { name: 'Move up' })).toBeDisabled();
    expect(within(rows[0]!).getByRole('button', { name: 'Move down' })).toHaveAccessibleDescription(
      start[0]!,
    );

    // A first attempt as shuffled: partly right or wrong, never counted as right.
    await user.click(within(item).getByRole('button', { name: 'Check' }));
    expect(within(item).getByText(/in the right place/, { selector: '.feedback-verdict' })).toBeVisible();
    await user.click(within(item).getByRole('button', { name: 'Try again' }));

    // Sorting with the keyboard: move each item up to its place, one press at a time.
    for (let target = 0; target < correct.length; target++) {
      let position = orderShown(item).indexOf(correct[target]!);
      while (position > target) {
        const row = within(item)
          .getAllByRole('listitem')
          .filter((li) => li.classList.contains('ordering-item'))[position]!;
        within(row).getByRole('button', { name: 'Move up' }).focus();
        await user.keyboard('{Enter}');
        position--;
        const moved = within(item)
          .getAllByRole('listitem')
          .filter((li) => li.classList.contains('ordering-item'))[position]!;
        await waitFor(() => expect(moved.contains(document.activeElement)).toBe(true));
      }
    }
    expect(orderShown(item)).toEqual(correct);
    expect(item.querySelector('.visually-hidden[aria-live="polite"]')?.textContent).toMatch(
      /moved to position \d of 4/,
    );
    await user.click(within(item).getByRole('button', { name: 'Check' }));
    expect(within(item).getByText('Right.')).toBeVisible();
    expect(saved(lesson.slug, ordering.id)).toMatchObject({ attempts: 2, bestScore: 1 });
  });
});
