import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Route, Router, Switch } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { PresentPage } from '../../../app/pages/PresentPage';
import { SpeakerPage } from '../../../app/pages/SpeakerPage';
import { presentRoute, speakerRoute } from '../../../app/routes';
import { installChannelBus } from './fakeChannel';

/** The app's presenter routes in a router of their own, at `path`; returns where the page went. */
function renderAt(path: string) {
  const memory = memoryLocation({ path, record: true });
  const view = render(
    <Router hook={memory.hook} searchHook={memory.searchHook}>
      <Switch>
        <Route path={presentRoute}>
          {(params) => <PresentPage slug={params.slug ?? ''} slide={params.slide} />}
        </Route>
        <Route path={speakerRoute}>
          {(params) => <SpeakerPage slug={params.slug ?? ''} slide={params.slide} />}
        </Route>
        <Route>{() => <p>elsewhere</p>}</Route>
      </Switch>
    </Router>,
  );
  return { ...view, address: () => memory.history!.at(-1) };
}

const press = (key: string, options: { shiftKey?: boolean } = {}) =>
  act(() => {
    fireEvent.keyDown(document.activeElement ?? document.body, { key, ...options });
  });

/**
 * The slide region once the deck is live: shown (the first test also waits for the slides' chunk to be
 * compiled) and focused, which the deck does in the same effects that start listening for keys.
 */
async function slideRegion(number: number): Promise<HTMLElement> {
  const region = await screen.findByRole(
    'region',
    { name: new RegExp(`^Slide ${number} of 15:`) },
    { timeout: 10_000 },
  );
  await vi.waitFor(() => expect(region).toHaveFocus());
  return region;
}

beforeEach(() => {
  installChannelBus();
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('Presenter mode', () => {
  it('shows the slide the address names, with its number, a counter and the presenter controls', async () => {
    const { address } = renderAt('/present/03-lstm/2');
    const region = await slideRegion(2);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'Long short-term memory (LSTM): slides',
    );
    expect(
      within(region).getByRole('heading', { level: 2, name: 'The problem from lesson 2' }),
    ).toBeVisible();
    expect(screen.getByRole('navigation', { name: 'Presenter controls' })).toHaveTextContent('2 / 15');
    expect(screen.getAllByRole('region')).toHaveLength(1);
    expect(address()).toBe('/present/03-lstm/2');
  });

  it('moves with Right, Space, PageDown, Left, Shift+Space, PageUp, Home and End, and stops at the ends', async () => {
    const { address } = renderAt('/present/03-lstm/1');
    await slideRegion(1);
    press('ArrowRight');
    expect(address()).toBe('/present/03-lstm/2');
    press(' ');
    press('PageDown');
    expect(address()).toBe('/present/03-lstm/4');
    expect(await slideRegion(4)).toHaveAccessibleName('Slide 4 of 15: Who did what');
    press('ArrowLeft');
    press(' ', { shiftKey: true });
    expect(address()).toBe('/present/03-lstm/2');
    press('PageUp');
    press('ArrowLeft');
    expect(address()).toBe('/present/03-lstm/1');
    press('End');
    expect(address()).toBe('/present/03-lstm/15');
    press('ArrowRight');
    expect(address()).toBe('/present/03-lstm/15');
    press('Home');
    expect(address()).toBe('/present/03-lstm/1');
    expect(await slideRegion(1)).toBeVisible();
  });

  it('announces each new slide politely', async () => {
    renderAt('/present/03-lstm/1');
    await slideRegion(1);
    press('ArrowRight');
    expect(await screen.findByText('Slide 2 of 15: The problem from lesson 2')).toHaveAttribute(
      'aria-live',
      'polite',
    );
  });

  it('blanks the screen with B and brings the same slide back with B or a move key', async () => {
    const { address } = renderAt('/present/03-lstm/3');
    const region = await slideRegion(3);
    press('b');
    expect(region).toHaveAttribute('data-blank');
    expect(screen.getByRole('button', { name: 'Blank screen: show the slide again' })).toBeVisible();
    expect(screen.getByText(/Screen blanked/)).toBeVisible();
    press('B');
    expect(region).not.toHaveAttribute('data-blank');
    press('b');
    press('ArrowRight');
    expect(region).not.toHaveAttribute('data-blank');
    expect(address()).toBe('/present/03-lstm/3');
    press('ArrowRight');
    expect(address()).toBe('/present/03-lstm/4');
  });

  it('leaves keys alone while someone types in a field on a slide', async () => {
    const user = userEvent.setup();
    const { address } = renderAt('/present/03-lstm/14');
    const region = await slideRegion(14);
    const field = await within(region).findByLabelText(/Hidden size/);
    await user.click(field);
    await user.keyboard('{ArrowRight}{ArrowLeft}{Home}{End} b');
    expect(address()).toBe('/present/03-lstm/14');
    expect(region).not.toHaveAttribute('data-blank');
  });

  it('hides every control with ?controls=0 and keeps hiding them from slide to slide', async () => {
    const { address } = renderAt('/present/03-lstm/2?controls=0');
    await slideRegion(2);
    expect(screen.queryByRole('navigation', { name: 'Presenter controls' })).toBeNull();
    expect(screen.queryByText('2 / 15')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
    press('ArrowRight');
    expect(address()).toBe('/present/03-lstm/3?controls=0');
    expect(await slideRegion(3)).toBeVisible();
    expect(screen.queryByRole('navigation', { name: 'Presenter controls' })).toBeNull();
  });

  it('rewrites an address past the last slide to the last slide, and says so until the first move', async () => {
    const { address } = renderAt('/present/03-lstm/99');
    await slideRegion(15);
    expect(address()).toBe('/present/03-lstm/15');
    expect(screen.getByRole('status')).toHaveTextContent(
      'This deck has 15 slides, so slide 99 is shown as its last.',
    );
    press('Home');
    await slideRegion(1);
    expect(screen.queryByText(/This deck has 15 slides/)).toBeNull();
  });

  it('goes back to the lesson with Escape', async () => {
    const { address } = renderAt('/present/03-lstm/5');
    await slideRegion(5);
    press('Escape');
    expect(address()).toBe('/lessons/03-lstm');
  });

  it('opens the speaker view at the same slide with S', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    renderAt('/present/03-lstm/6');
    await slideRegion(6);
    press('s');
    expect(open).toHaveBeenCalledTimes(1);
    expect(open.mock.calls[0]![0]).toMatch(/#\/speaker\/03-lstm\/6$/);
    expect(open.mock.calls[0]![1]).toBe('unroll-speaker');
  });

  it('asks for full screen with F and from its button', async () => {
    const request = vi.fn(() => Promise.resolve());
    Object.defineProperty(document.documentElement, 'requestFullscreen', {
      value: request,
      configurable: true,
    });
    try {
      renderAt('/present/03-lstm/1');
      await slideRegion(1);
      press('f');
      expect(request).toHaveBeenCalledTimes(1);
      fireEvent.click(screen.getByRole('button', { name: /Full screen/ }));
      expect(request).toHaveBeenCalledTimes(2);
    } finally {
      Reflect.deleteProperty(document.documentElement, 'requestFullscreen');
    }
  });

  it('remembers the dark projector theme', async () => {
    const user = userEvent.setup();
    const first = renderAt('/present/03-lstm/1');
    await slideRegion(1);
    const presenter = () => document.querySelector('.presenter')!;
    expect(presenter()).toHaveAttribute('data-projector', 'light');
    await user.click(screen.getByRole('button', { name: 'Dark slides' }));
    expect(presenter()).toHaveAttribute('data-projector', 'dark');
    first.unmount();
    renderAt('/present/03-lstm/1');
    await slideRegion(1);
    expect(presenter()).toHaveAttribute('data-projector', 'dark');
    expect(screen.getByRole('button', { name: 'Dark slides' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('says so when a lesson does not exist', async () => {
    renderAt('/present/no-such-lesson/1');
    expect(await screen.findByRole('heading', { name: 'There is no page at this address' })).toBeVisible();
  });
});

describe('Speaker view', () => {
  it('shows this slide, the next one, the notes and a clock', async () => {
    renderAt('/speaker/03-lstm/12');
    const current = await screen.findByRole(
      'region',
      { name: /^Current slide 12 of 15:/ },
      { timeout: 10_000 },
    );
    expect(within(current).getByRole('heading', { name: 'Start with the forget gate open' })).toBeVisible();
    const notes = screen.getByRole('region', { name: 'Notes' });
    expect(notes).toHaveTextContent(/At the start of training each gate sits near the sigmoid of its bias/);
    const next = screen.getByRole('region', { name: 'Next' });
    expect(within(next).getByRole('heading', { name: 'RNN and LSTM on a 30-step gap' })).toBeVisible();
    // The preview names the live figure instead of starting a second copy of it.
    expect(within(next).getByText(/Live figure: Live training/)).toBeVisible();
    expect(within(next).queryByRole('button', { name: /Train/ })).toBeNull();
    expect(screen.getByRole('timer')).toHaveTextContent(/^0:0\d$/);
    expect(screen.getByRole('button', { name: 'Reset clock' })).toBeEnabled();
  });

  it('moves with its own buttons and keys, and says the last slide has no next one', async () => {
    const user = userEvent.setup();
    const { address } = renderAt('/speaker/03-lstm/14');
    await screen.findByRole('region', { name: /^Current slide 14 of 15:/ });
    await user.click(screen.getByRole('button', { name: /Next/ }));
    expect(address()).toBe('/speaker/03-lstm/15');
    expect(await screen.findByText('This is the last slide.')).toBeVisible();
    press('ArrowLeft');
    expect(address()).toBe('/speaker/03-lstm/14');
  });
});

describe('Slides window and speaker view together', () => {
  it('follow each other over the BroadcastChannel, whichever one moves', async () => {
    const user = userEvent.setup();
    const slides = renderAt('/present/03-lstm/3');
    await slideRegion(3);
    const speaker = renderAt('/speaker/03-lstm/3');
    await screen.findByRole('region', { name: /^Current slide 3 of 15:/ });
    const speakerBar = () => within(speaker.container).getByRole('navigation', { name: 'Slides' });
    const slidesBar = () => within(slides.container).getByRole('navigation', { name: 'Presenter controls' });
    expect(await within(speaker.container).findByText('The slides window follows this one.')).toBeVisible();

    await user.click(within(speakerBar()).getByRole('button', { name: /Next/ }));
    await vi.waitFor(() => expect(slides.address()).toBe('/present/03-lstm/4'));

    await user.click(within(slidesBar()).getByRole('button', { name: /Next/ }));
    await user.click(within(slidesBar()).getByRole('button', { name: /Next/ }));
    await vi.waitFor(() => expect(speaker.address()).toBe('/speaker/03-lstm/6'));

    await user.click(within(speakerBar()).getByRole('button', { name: /Blank/ }));
    await vi.waitFor(() =>
      expect(within(slides.container).getByRole('region', { hidden: true })).toHaveAttribute('data-blank'),
    );
    await user.click(within(slidesBar()).getByRole('button', { name: /Blank/ }));
    await vi.waitFor(() =>
      expect(within(speaker.container).queryByText(/The audience sees a blank screen/)).toBeNull(),
    );
  });
});
