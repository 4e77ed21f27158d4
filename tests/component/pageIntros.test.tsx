import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { lazyPage } from '../../app/components/lazyPage';
import { IntroText, IntroWhileLoading, pageIntros } from '../../app/pages/pageIntros';

describe('a page that loads on demand opens with its own words', () => {
  it('shows its title and lead while its code downloads, then the page, which draws the same opening', async () => {
    let arrive: (component: () => React.JSX.Element) => void = () => undefined;
    const load = vi.fn(() => new Promise<() => React.JSX.Element>((resolve) => (arrive = resolve)));
    const Page = lazyPage(load, <IntroWhileLoading intro={pageIntros.glossary} />);
    const first = render(<Page />);
    expect(screen.getByRole('heading', { level: 1, name: 'Glossary' })).toBeInTheDocument();
    expect(screen.getByText(pageIntros.glossary.lead)).toHaveClass('lead');
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    // The code is asked for once the opening has been painted, not before.
    expect(load).not.toHaveBeenCalled();
    await waitFor(() => expect(load).toHaveBeenCalledTimes(1));

    await act(async () =>
      arrive(() => (
        <div className={pageIntros.glossary.className}>
          <IntroText intro={pageIntros.glossary} />
          <p>Every term.</p>
        </div>
      )),
    );
    expect(await screen.findByText('Every term.')).toBeInTheDocument();
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);

    // Drawn again later (the reader comes back), the page is there at once, without its opening alone.
    first.unmount();
    render(<Page />);
    expect(screen.getByText('Every term.')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('keeps each opening in its header when the page has one, with what the page adds after the lead', () => {
    const { container } = render(
      <IntroText intro={pageIntros.finalQuiz}>
        <p>Also in lesson 7.</p>
      </IntroText>,
    );
    const header = container.querySelector('header.lesson-header');
    expect(header?.querySelector('.eyebrow')).toHaveTextContent('Course review');
    expect(header?.lastElementChild).toHaveTextContent('Also in lesson 7.');
    const bare = render(<IntroText intro={pageIntros.playground} />).container;
    expect(bare.querySelector('header')).toBeNull();
    expect(bare.querySelector('h1')).toHaveTextContent('Playground');
  });
});
