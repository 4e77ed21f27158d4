/**
 * A lesson address naming a section the lesson does not have says so, rather than silently opening
 * the lesson at the top.
 */
import { render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { describe, expect, it } from 'vitest';
import { useLessonPosition } from '../../../app/quiz/useLessonPosition';

function Lesson({ section }: { section?: string }) {
  const root = useRef<HTMLElement>(null);
  const missing = useLessonPosition('01-what-is-a-recurrent-network', section, root);
  return (
    <article ref={root}>
      <div className="prose">
        <h2 id="the-idea">The idea</h2>
      </div>
      <h2 id="check-yourself">Check yourself</h2>
      <p role="status">{missing === null ? 'found' : `missing ${missing}`}</p>
    </article>
  );
}

describe('useLessonPosition', () => {
  it('reports a section the loaded lesson does not have', async () => {
    render(<Lesson section="no-such-section" />);
    expect(await screen.findByText('missing no-such-section')).toBeInTheDocument();
  });

  it('finds a section the lesson has, and the quiz', async () => {
    const { unmount } = render(<Lesson section="the-idea" />);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.getByRole('status')).toHaveTextContent('found');
    unmount();
    render(<Lesson section="check-yourself" />);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.getByRole('status')).toHaveTextContent('found');
  });
});
