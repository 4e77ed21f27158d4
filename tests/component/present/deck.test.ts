import { describe, expect, it } from 'vitest';
import {
  clampIndex,
  controlsHidden,
  type DeckState,
  deckReducer,
  keyCommand,
  keyTargetOf,
  slideAddressProblem,
} from '../../../app/present/deck';
import { claimsRoute, isPresenterLocation, presentRoute, slideNumber } from '../../../app/routes';

const deck = (index: number, blank = false, count = 5): DeckState => ({ index, count, blank });

describe('deckReducer', () => {
  it('moves one slide at a time and stops at either end', () => {
    expect(deckReducer(deck(0), { type: 'next' }).index).toBe(1);
    expect(deckReducer(deck(4), { type: 'next' }).index).toBe(4);
    expect(deckReducer(deck(3), { type: 'previous' }).index).toBe(2);
    expect(deckReducer(deck(0), { type: 'previous' }).index).toBe(0);
  });

  it('jumps to the first and the last slide', () => {
    expect(deckReducer(deck(3), { type: 'first' }).index).toBe(0);
    expect(deckReducer(deck(1), { type: 'last' }).index).toBe(4);
  });

  it('clamps a jump to a slide that does not exist', () => {
    expect(deckReducer(deck(1), { type: 'goto', index: 99 }).index).toBe(4);
    expect(deckReducer(deck(1), { type: 'goto', index: -3 }).index).toBe(0);
  });

  it('blanks the screen and brings it back with B', () => {
    const blanked = deckReducer(deck(2), { type: 'toggleBlank' });
    expect(blanked).toEqual(deck(2, true));
    expect(deckReducer(blanked, { type: 'toggleBlank' })).toEqual(deck(2, false));
  });

  it('restores the blanked slide on the first move key, without moving', () => {
    for (const type of ['next', 'previous', 'first', 'last'] as const) {
      expect(deckReducer(deck(2, true), { type })).toEqual(deck(2, false));
    }
  });

  it('handles a deck of one slide and an empty deck', () => {
    expect(deckReducer(deck(0, false, 1), { type: 'next' }).index).toBe(0);
    expect(deckReducer(deck(0, false, 0), { type: 'last' }).index).toBe(0);
    expect(clampIndex(7, 0)).toBe(0);
    expect(clampIndex(Number.NaN, 4)).toBe(0);
  });
});

function element(html: string): Element {
  const container = document.createElement('div');
  container.innerHTML = html;
  return container.firstElementChild!;
}

describe('keyCommand', () => {
  it('maps the presenter keys in the audience window', () => {
    const command = (key: string, shiftKey = false) => keyCommand({ key, shiftKey }, 'other', 'audience');
    expect(command('ArrowRight')).toEqual({ type: 'next' });
    expect(command(' ')).toEqual({ type: 'next' });
    expect(command('PageDown')).toEqual({ type: 'next' });
    expect(command(' ', true)).toEqual({ type: 'previous' });
    expect(command('ArrowLeft')).toEqual({ type: 'previous' });
    expect(command('PageUp')).toEqual({ type: 'previous' });
    expect(command('Home')).toEqual({ type: 'first' });
    expect(command('End')).toEqual({ type: 'last' });
    expect(command('b')).toEqual({ type: 'toggleBlank' });
    expect(command('B')).toEqual({ type: 'toggleBlank' });
    expect(command('f')).toEqual({ type: 'fullscreen' });
    expect(command('s')).toEqual({ type: 'speaker' });
    expect(command('Escape')).toEqual({ type: 'exit' });
    expect(command('x')).toBeNull();
    expect(command('ArrowDown')).toBeNull();
  });

  it('gives the speaker view the moves and the blank key, but not fullscreen, speaker or exit', () => {
    expect(keyCommand({ key: 'ArrowRight' }, 'other', 'speaker')).toEqual({ type: 'next' });
    expect(keyCommand({ key: 'b' }, 'other', 'speaker')).toEqual({ type: 'toggleBlank' });
    expect(keyCommand({ key: 'f' }, 'other', 'speaker')).toBeNull();
    expect(keyCommand({ key: 's' }, 'other', 'speaker')).toBeNull();
    expect(keyCommand({ key: 'Escape' }, 'other', 'speaker')).toBeNull();
  });

  it('leaves keys with Ctrl, Alt or Meta to the browser', () => {
    expect(keyCommand({ key: 'ArrowLeft', altKey: true }, 'other', 'audience')).toBeNull();
    expect(keyCommand({ key: 'f', ctrlKey: true }, 'other', 'audience')).toBeNull();
    expect(keyCommand({ key: 's', metaKey: true }, 'other', 'audience')).toBeNull();
  });

  it('never takes a key from a text field or a slider inside a slide', () => {
    for (const key of ['ArrowRight', 'ArrowLeft', ' ', 'b', 'f', 's', 'Home', 'End', 'Escape']) {
      expect(keyCommand({ key }, 'typing', 'audience')).toBeNull();
    }
  });

  it('leaves Space and Enter to a focused button, but still moves on the arrows', () => {
    expect(keyCommand({ key: ' ' }, 'control', 'audience')).toBeNull();
    expect(keyCommand({ key: 'Enter' }, 'control', 'audience')).toBeNull();
    expect(keyCommand({ key: 'ArrowRight' }, 'control', 'audience')).toEqual({ type: 'next' });
  });
});

describe('keyTargetOf', () => {
  it('tells fields where people type from controls they press', () => {
    expect(keyTargetOf(element('<input type="text">'))).toBe('typing');
    expect(keyTargetOf(element('<input type="number">'))).toBe('typing');
    expect(keyTargetOf(element('<input type="range">'))).toBe('typing');
    expect(keyTargetOf(element('<input type="radio">'))).toBe('typing');
    expect(keyTargetOf(element('<input>'))).toBe('typing');
    expect(keyTargetOf(element('<textarea></textarea>'))).toBe('typing');
    expect(keyTargetOf(element('<select><option>a</option></select>'))).toBe('typing');
    expect(keyTargetOf(element('<div role="slider" tabindex="0"></div>'))).toBe('typing');
    expect(keyTargetOf(element('<input type="checkbox">'))).toBe('control');
    expect(keyTargetOf(element('<button>Train</button>'))).toBe('control');
    expect(keyTargetOf(element('<a href="#/">x</a>'))).toBe('control');
    expect(keyTargetOf(element('<section tabindex="-1"></section>'))).toBe('other');
    expect(keyTargetOf(document.body)).toBe('other');
    expect(keyTargetOf(null)).toBe('other');
    expect(keyTargetOf(window)).toBe('other');
  });
});

describe('presenter addresses', () => {
  it('reads controls=0 from the query before the hash or inside it', () => {
    expect(controlsHidden('?controls=0')).toBe(true);
    expect(controlsHidden('controls=0')).toBe(true);
    expect(controlsHidden('', '/present/03-lstm/2?controls=0')).toBe(true);
    expect(controlsHidden('?controls=1', '/present/03-lstm/2')).toBe(false);
    expect(controlsHidden('', '/present/03-lstm/2')).toBe(false);
  });

  it('matches slide addresses, with or without a number or a query in the hash', () => {
    expect('/present/03-lstm/4'.match(presentRoute)?.groups).toMatchObject({ slug: '03-lstm', slide: '4' });
    expect('/present/03-lstm'.match(presentRoute)?.groups).toMatchObject({ slug: '03-lstm' });
    expect('/present/03-lstm/2?controls=0'.match(presentRoute)?.groups).toMatchObject({ slide: '2' });
    expect(isPresenterLocation('/speaker/03-lstm/2')).toBe(true);
    expect(isPresenterLocation('/lessons/03-lstm')).toBe(false);
    expect(slideNumber('3')).toBe(3);
    expect(slideNumber('0')).toBeNull();
    expect(slideNumber('two')).toBeNull();
    expect(slideNumber(undefined)).toBeNull();
  });

  it('matches the claims page with a claim after a second hash', () => {
    expect('/claims'.match(claimsRoute)?.groups?.claim).toBeUndefined();
    expect('/claims#step-time'.match(claimsRoute)?.groups?.claim).toBe('step-time');
    expect(claimsRoute.test('/claimsx')).toBe(false);
  });
});

describe('slideAddressProblem', () => {
  it('names a slide number that is not one, one past the end, and a controls value that means nothing', () => {
    expect(slideAddressProblem('3', 3, 15)).toBeNull();
    expect(slideAddressProblem(undefined, null, 15)).toBeNull();
    expect(slideAddressProblem('', null, 15)).toBeNull();
    for (const param of ['0', '-1', '1.5', 'abc', '1e3'])
      expect(slideAddressProblem(param, null, 15)).toBe(
        `There is no slide “${param}”: slides are numbered from 1, so this is slide 1.`,
      );
    expect(slideAddressProblem('9999', 9999, 15)).toBe(
      'This deck has 15 slides, so slide 9999 is shown as its last.',
    );
    expect(slideAddressProblem('1', 1, 15, '?controls=0')).toBeNull();
    expect(slideAddressProblem('1', 1, 15, '', '/present/03-lstm/1?controls=maybe')).toBe(
      '“controls=maybe” is not understood: controls=0 hides the presenter controls.',
    );
  });
});
