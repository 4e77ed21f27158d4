import { act, render, screen, waitFor } from '@testing-library/react';
import type { ComponentType } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WhenNear } from '../../app/components/WhenNear';
import { figureComponents } from '../../app/mdx/figureComponents';
import { lessonComponents } from '../../app/mdx/lessonComponents';
import { deferredFigureNames, lessonPageComponents } from '../../app/mdx/lessonPageComponents';

/** A stand-in for the browser's IntersectionObserver that the test moves into view. */
class FakeObserver {
  static all: FakeObserver[] = [];
  observed: Element[] = [];
  disconnected = false;
  constructor(private readonly report: IntersectionObserverCallback) {
    FakeObserver.all.push(this);
  }
  observe(element: Element) {
    this.observed.push(element);
  }
  disconnect() {
    this.disconnected = true;
  }
  near(isIntersecting: boolean) {
    act(() => this.report([{ isIntersecting } as IntersectionObserverEntry], this as never));
  }
}

function Figure() {
  return <p>The figure</p>;
}

describe('WhenNear', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeObserver.all = [];
  });

  it('draws at once what it is told to (what a deep link points at), and keeps it when that changes', () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const { rerender } = render(
      <WhenNear placeholder={<p>Waiting</p>} atOnce>
        <Figure />
      </WhenNear>,
    );
    expect(screen.getByText('The figure')).toBeInTheDocument();
    rerender(
      <WhenNear placeholder={<p>Waiting</p>} atOnce={false}>
        <Figure />
      </WhenNear>,
    );
    expect(screen.getByText('The figure')).toBeInTheDocument();
    expect(screen.queryByText('Waiting')).not.toBeInTheDocument();
  });

  it('shows the placeholder until the slot comes near view, then draws and keeps the figure', () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    render(
      <WhenNear placeholder={<p>Waiting</p>} className="slot">
        <Figure />
      </WhenNear>,
    );
    expect(screen.getByText('Waiting')).toBeInTheDocument();
    expect(screen.queryByText('The figure')).not.toBeInTheDocument();
    const [observer] = FakeObserver.all;
    expect(observer.observed).toHaveLength(1);
    expect(observer.observed[0]).toHaveClass('slot');
    observer.near(false);
    expect(screen.queryByText('The figure')).not.toBeInTheDocument();
    observer.near(true);
    expect(screen.getByText('The figure')).toBeInTheDocument();
    expect(screen.queryByText('Waiting')).not.toBeInTheDocument();
    // Drawn once, it stays drawn and is no longer watched.
    expect(observer.disconnected).toBe(true);
  });

  it('draws before the page prints, so a handout has every figure', () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    render(
      <WhenNear placeholder={<p>Waiting</p>}>
        <Figure />
      </WhenNear>,
    );
    expect(screen.queryByText('The figure')).not.toBeInTheDocument();
    window.dispatchEvent(new Event('beforeprint'));
    // No act(): the figure must be in the page when the event returns, before the browser lays out the print.
    expect(screen.getByText('The figure')).toBeInTheDocument();
  });

  it('draws at once where the browser cannot say what is near view', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    render(
      <WhenNear placeholder={<p>Waiting</p>}>
        <Figure />
      </WhenNear>,
    );
    expect(screen.getByText('The figure')).toBeInTheDocument();
  });
});

describe('the lesson page’s components', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeObserver.all = [];
  });

  it('has every name the lessons may use, text-like pieces and lab embeds as they are', () => {
    const page = lessonPageComponents as Record<string, unknown>;
    const all = lessonComponents as Record<string, unknown>;
    expect(Object.keys(page).sort()).toEqual(Object.keys(all).sort());
    const kept = Object.keys(all).filter((name) => page[name] === all[name]);
    expect(kept.sort()).toEqual(
      [
        'Claim',
        'LabAutocompleter',
        'LabInsideView',
        'LabReach',
        'LabSampler',
        'LabTrainer',
        'TryThis',
      ].sort(),
    );
    expect([...deferredFigureNames].sort()).toEqual(Object.keys(figureComponents).sort());
    expect([...deferredFigureNames, 'Tex'].sort()).toEqual(
      Object.keys(all)
        .filter((name) => !kept.includes(name))
        .sort(),
    );
  });

  it('typesets a run-time formula once KaTeX has arrived', async () => {
    const Formula = lessonPageComponents.Tex as ComponentType<{ children: string }>;
    const { container } = render(<Formula>{'x_t'}</Formula>);
    await waitFor(() => expect(container.querySelector('.katex math')).not.toBeNull(), { timeout: 10_000 });
  });

  it('downloads and draws a figure, with its props, once it nears view', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const Calculator = lessonPageComponents.ParameterCalculator as ComponentType<object>;
    render(<Calculator />);
    expect(screen.getByText('This figure is drawn as you reach it.')).toBeInTheDocument();
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
    FakeObserver.all[0].near(true);
    expect(await screen.findByRole('figure', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.queryByText('This figure is drawn as you reach it.')).not.toBeInTheDocument();
  });
});
