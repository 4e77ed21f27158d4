import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { finalQuizLesson, lessons } from '../../../app/course';
import { FinalQuizPage } from '../../../app/pages/FinalQuizPage';
import { GlossaryPage } from '../../../app/pages/GlossaryPage';
import { HomePage } from '../../../app/pages/HomePage';
import { ProgressPage } from '../../../app/pages/ProgressPage';
import { ProgressWhileLoading } from '../../../app/quiz/ProgressHeader';
import { useStore } from '../../../app/store';
import { EMPTY_PROGRESS, PROGRESS_VERSION } from '../../../app/store/progressFormat';

function renderAt(path: string, page: React.ReactNode) {
  const { hook } = memoryLocation({ path });
  return render(<Router hook={hook}>{page}</Router>);
}

const first = lessons[0]!;

beforeEach(() => {
  useStore.setState({ progress: EMPTY_PROGRESS, progressSaved: true, storageNotice: null });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the course map', () => {
  it('invites a newcomer to start with lesson 1', () => {
    renderAt('/', <HomePage />);
    expect(screen.getByRole('link', { name: /^Start the course/ })).toHaveAttribute(
      'href',
      `/lessons/${first.slug}`,
    );
  });

  it('shows each lesson’s progress and leads back to where the learner left off', async () => {
    const { recordAnswer, setLessonPosition, visitLesson } = useStore.getState();
    visitLesson(first.slug);
    setLessonPosition(first.slug, { id: 'a-network-with-a-loop', title: 'A network with a loop' });
    recordAnswer(first.slug, 'some-question', { kind: 'single', choice: 'a' }, 1, ['some-question']);
    const quiz = await first.loadQuiz?.();
    const firstId = quiz?.[0]?.id ?? 'none';
    recordAnswer(
      first.slug,
      firstId,
      { kind: 'single', choice: 'a' },
      0.5,
      quiz?.map((question) => question.id) ?? [],
    );
    renderAt('/', <HomePage />);
    const card = within(screen.getByRole('list')).getAllByRole('listitem')[0]!;
    if (quiz && quiz.length > 0) {
      await waitFor(() => expect(card).toHaveTextContent(`1 of ${quiz.length} answered · 50%`));
      const resume = screen.getByRole('link', { name: /^Continue where you left off/ });
      expect(resume).toHaveAttribute('href', `/lessons/${first.slug}/check-yourself`);
      expect(resume).toHaveTextContent(`Lesson 1, ${first.title} · its quiz`);
    }
  });
});

describe('the progress page', () => {
  it('summarizes every lesson in a table and the final quiz', async () => {
    renderAt('/progress', <ProgressPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Your progress' })).toBeVisible();
    const table = screen.getByRole('table', { name: 'Every lesson, in course order' });
    expect(within(table).getAllByRole('row')).toHaveLength(lessons.length + 1);
    expect(within(table).getByRole('link', { name: `1. ${first.title}` })).toHaveAttribute(
      'href',
      `/lessons/${first.slug}`,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Final quiz' })).toBeVisible();
    if (finalQuizLesson()?.loadQuiz) {
      expect(await screen.findByRole('link', { name: 'Take the final quiz' })).toHaveAttribute(
        'href',
        '/quiz/final',
      );
    }
  });

  it('opens, while its code downloads, with the same header the page draws first', () => {
    useStore.getState().visitLesson(first.slug);
    const loading = renderAt('/progress', <ProgressWhileLoading />);
    const header = loading.container.querySelector('header')!.innerHTML;
    expect(screen.getByRole('heading', { level: 1, name: 'Your progress' })).toBeVisible();
    expect(screen.getByRole('link', { name: `Continue with lesson 1, ${first.title}` })).toHaveAttribute(
      'href',
      `/lessons/${first.slug}`,
    );
    expect(screen.getByText('Loading…')).toBeVisible();
    loading.unmount();
    const page = renderAt('/progress', <ProgressPage />);
    expect(page.container.querySelector('header')!.innerHTML).toBe(header);
  });

  it('lists every question of a lesson with its result, and prints a line for a name', async () => {
    const { questions } = await import('../../../lessons/01-what-is-a-recurrent-network/quiz');
    const ids = questions.map((question) => question.id);
    useStore.getState().recordAnswer(first.slug, ids[0]!, { kind: 'single', choice: 'a' }, 1, ids);
    useStore.getState().recordAnswer(first.slug, ids[1]!, { kind: 'single', choice: 'b' }, 0, ids);
    renderAt('/progress', <ProgressPage />);
    expect(screen.getByRole('heading', { level: 2, name: 'Question by question' })).toBeVisible();
    const region = await screen.findByRole('region', { name: first.title });
    // The prompts mount a few at a time (useProgressiveCount): wait for the lesson's last one.
    await waitFor(() => expect(within(region).getAllByRole('listitem')).toHaveLength(questions.length));
    const items = within(region).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(/Right$/);
    expect(items[1]).toHaveTextContent(/Wrong$/);
    expect(items[2]).toHaveTextContent(/Not yet answered$/);
    expect(screen.getByText('Name:')).toHaveClass('print-only');
  });

  it('asks in a dialog before resetting, and Cancel or Escape keep everything', async () => {
    const user = userEvent.setup();
    useStore.getState().recordAnswer(first.slug, 'q', { kind: 'single', choice: 'a' }, 1, ['q']);
    renderAt('/progress', <ProgressPage />);
    const reset = screen.getByRole('button', { name: 'Reset progress' });
    await user.click(reset);
    const dialog = screen.getByRole('dialog', { name: 'Reset all progress?' });
    expect(dialog).toHaveAccessibleDescription(/cannot be undone/);
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(reset).toHaveFocus();
    await user.click(reset);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(useStore.getState().progress.lessons[first.slug]).toBeDefined();

    await user.click(reset);
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Reset progress' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(useStore.getState().progress.lessons).toEqual({});
    expect(screen.getByText('Your progress has been reset.')).toBeVisible();
  });

  it('exports the progress as a JSON file with its schema version and date', async () => {
    const user = userEvent.setup();
    useStore.getState().recordAnswer(first.slug, 'q', { kind: 'numeric', text: '42' }, 1, ['q']);
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:progress';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toMatch(/^unroll-progress-\d{4}-\d{2}-\d{2}\.json$/);
    });
    renderAt('/progress', <ProgressPage />);
    await user.click(screen.getByRole('button', { name: 'Export as JSON' }));
    expect(click).toHaveBeenCalledOnce();
    const document = JSON.parse(await blobs[0]!.text());
    expect(document).toMatchObject({ app: 'Unroll', kind: 'progress', schemaVersion: PROGRESS_VERSION });
    expect(Date.parse(document.exportedAt)).not.toBeNaN();
    expect(document.progress.lessons[first.slug].questions.q.lastAnswer).toEqual({
      kind: 'numeric',
      text: '42',
    });
    expect(document.summary[0]).toMatchObject({ slug: first.slug, title: first.title });
  });

  it('warns when the browser is not saving progress', () => {
    useStore.setState({ progressSaved: false });
    renderAt('/progress', <ProgressPage />);
    expect(screen.getByText(/lasts only until you close this tab/)).toBeVisible();
  });
});

describe('the glossary', () => {
  it('gathers every lesson’s terms alphabetically, each linked to its lesson, with a jump list and a filter', async () => {
    const user = userEvent.setup();
    renderAt('/glossary', <GlossaryPage />);
    const count = await screen.findByRole('status');
    await waitFor(() => expect(count).toHaveTextContent(/^\d+ terms?$/));
    const total = Number(count.textContent?.split(' ')[0]);
    // The terms mount a few at a time (useProgressiveReveal): wait for the last of them.
    await waitFor(() => expect(screen.queryAllByRole('term')).toHaveLength(total), { timeout: 15_000 });
    const terms = screen.queryAllByRole('term').map((term) => term.textContent ?? '');
    const sorted = [...terms].sort((a, b) =>
      a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true }),
    );
    expect(terms).toEqual(sorted);
    if (total === 0) return;

    const jump = within(screen.getByRole('navigation', { name: 'Jump to a letter' }));
    const letter = terms[0]!.charAt(0).toUpperCase();
    await user.click(jump.getByRole('button', { name: `Terms under ${letter}` }));
    expect(screen.getByRole('heading', { level: 2, name: letter })).toHaveFocus();
    expect(screen.getAllByRole('link', { name: /^lesson \d, / }).length).toBe(total);

    await user.type(screen.getByRole('searchbox', { name: 'Filter terms' }), terms[0]!);
    expect(screen.getAllByRole('term').map((term) => term.textContent)).toContain(terms[0]);
    expect(screen.getAllByRole('term').length).toBeLessThanOrEqual(total);
    await user.clear(screen.getByRole('searchbox', { name: 'Filter terms' }));
    await user.type(screen.getByRole('searchbox', { name: 'Filter terms' }), 'zzzqqq');
    expect(screen.getByText('No term matches “zzzqqq”.')).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent(`0 of ${total} terms match`);
  });
});

describe('the glossary, while its terms are still arriving', () => {
  it('jumps to the last letter at once, drawing every term first', async () => {
    const user = userEvent.setup();
    renderAt('/glossary', <GlossaryPage />);
    const count = await screen.findByRole('status');
    await waitFor(() => expect(count).toHaveTextContent(/^\d+ terms?$/));
    const total = Number(count.textContent?.split(' ')[0]);
    const letters = within(screen.getByRole('navigation', { name: 'Jump to a letter' })).queryAllByRole(
      'button',
    );
    if (total === 0 || letters.length === 0) return;
    const last = letters[letters.length - 1]!;
    const letter = last.textContent ?? '';
    await user.click(last);
    expect(screen.getByRole('heading', { level: 2, name: letter })).toHaveFocus();
    expect(screen.getAllByRole('term')).toHaveLength(total);
  });
});

describe('the final quiz page', () => {
  it('shows the final lesson’s questions, or says the quiz is not ready', async () => {
    renderAt('/quiz/final', <FinalQuizPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Final quiz' })).toBeVisible();
    const lesson = finalQuizLesson();
    if (lesson?.loadQuiz) {
      const questions = await lesson.loadQuiz();
      expect(await screen.findByRole('heading', { level: 2, name: 'Questions' })).toBeVisible();
      // The questions mount a few at a time (useProgressiveCount), so the last comes a little later.
      await waitFor(
        () => expect(screen.getAllByRole('group').length).toBeGreaterThanOrEqual(questions.length),
        { timeout: 15_000 },
      );
    } else {
      expect(screen.getByText(/not written yet/)).toBeVisible();
    }
  });
});
