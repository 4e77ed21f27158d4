/**
 * Presenter mode's navigation as pure data: where the deck is (slide, blank screen), what each action
 * does to it, and which key means which command. The pages only wire these to the URL and the keyboard.
 */

/** The deck as the audience sees it: the slide shown (from 0) and whether the screen is blanked. */
export interface DeckState {
  readonly index: number;
  readonly count: number;
  readonly blank: boolean;
}

export type DeckAction =
  | { readonly type: 'next' }
  | { readonly type: 'previous' }
  | { readonly type: 'first' }
  | { readonly type: 'last' }
  | { readonly type: 'goto'; readonly index: number }
  | { readonly type: 'toggleBlank' };

/** What a key asks for: a move of the deck, or something the page does (fullscreen, speaker view, exit). */
export type DeckCommand =
  | DeckAction
  | { readonly type: 'fullscreen' }
  | { readonly type: 'speaker' }
  | { readonly type: 'exit' };

export type PresenterRole = 'audience' | 'speaker';

/** A slide index inside the deck: 0 for an empty deck, never past the last slide. */
export function clampIndex(index: number, count: number): number {
  if (count <= 0 || !Number.isFinite(index)) return 0;
  return Math.min(Math.max(0, Math.trunc(index)), count - 1);
}

const moves: ReadonlySet<DeckAction['type']> = new Set(['next', 'previous', 'first', 'last']);

/**
 * The deck after an action. Moves stop at either end. While the screen is blank, the first move only
 * brings back the slide that was blanked (the class sees what they saw before, not a slide further on).
 */
export function deckReducer(state: DeckState, action: DeckAction): DeckState {
  if (state.blank && moves.has(action.type)) return { ...state, blank: false };
  const last = Math.max(0, state.count - 1);
  switch (action.type) {
    case 'next':
      return { ...state, index: Math.min(state.index + 1, last) };
    case 'previous':
      return { ...state, index: Math.max(state.index - 1, 0) };
    case 'first':
      return { ...state, index: 0 };
    case 'last':
      return { ...state, index: last };
    case 'goto':
      return { ...state, index: clampIndex(action.index, state.count), blank: false };
    case 'toggleBlank':
      return { ...state, blank: !state.blank };
  }
}

/**
 * What kind of element has the keyboard: one where people type or pick with the arrows (text fields,
 * sliders, selects, radio groups), a control that Space or Enter activates (buttons, links, checkboxes),
 * or anything else.
 */
export type KeyTarget = 'typing' | 'control' | 'other';

const typingRoles = new Set([
  'textbox',
  'searchbox',
  'combobox',
  'slider',
  'spinbutton',
  'listbox',
  'radio',
  'radiogroup',
  'menu',
  'menuitem',
  'tab',
  'grid',
]);
const controlInputTypes = new Set(['button', 'submit', 'reset', 'checkbox', 'color', 'file', 'image']);
const controlRoles = new Set(['button', 'link', 'checkbox', 'switch', 'menuitemcheckbox', 'option']);

/** Classifies the element a key event came from (see {@link KeyTarget}). */
export function keyTargetOf(target: EventTarget | null): KeyTarget {
  if (!target || typeof (target as Element).tagName !== 'string') return 'other';
  const element = target as HTMLElement;
  const tag = element.tagName.toLowerCase();
  const role = element.getAttribute('role') ?? '';
  if (tag === 'textarea' || tag === 'select' || element.isContentEditable || typingRoles.has(role)) {
    return 'typing';
  }
  if (tag === 'input') {
    const type = (element.getAttribute('type') ?? 'text').toLowerCase();
    return controlInputTypes.has(type) ? 'control' : 'typing';
  }
  if (tag === 'button' || tag === 'a' || tag === 'summary' || controlRoles.has(role)) return 'control';
  return 'other';
}

export interface KeyPress {
  readonly key: string;
  readonly shiftKey?: boolean;
  readonly ctrlKey?: boolean;
  readonly altKey?: boolean;
  readonly metaKey?: boolean;
}

/**
 * The command a key press means in presenter mode, or null to leave the key to the browser.
 * Right, Space, PageDown: next; Left, Shift+Space, PageUp: back; Home, End; B (or "." as many clickers
 * send): blank; F: fullscreen, S: speaker view and Escape: back to the lesson (audience window only).
 * Keys pressed with Ctrl, Alt or Meta belong to the browser; keys in a text field or slider belong to
 * it; Space and Enter on a button belong to the button.
 */
export function keyCommand(press: KeyPress, target: KeyTarget, role: PresenterRole): DeckCommand | null {
  if (press.ctrlKey || press.altKey || press.metaKey) return null;
  if (target === 'typing') return null;
  if (target === 'control' && (press.key === ' ' || press.key === 'Enter')) return null;
  switch (press.key) {
    case 'ArrowRight':
    case 'PageDown':
      return { type: 'next' };
    case ' ':
      return press.shiftKey ? { type: 'previous' } : { type: 'next' };
    case 'ArrowLeft':
    case 'PageUp':
      return { type: 'previous' };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    case 'b':
    case 'B':
    case '.':
      return { type: 'toggleBlank' };
  }
  if (role !== 'audience') return null;
  switch (press.key) {
    case 'f':
    case 'F':
      return { type: 'fullscreen' };
    case 's':
    case 'S':
      return { type: 'speaker' };
    case 'Escape':
      return { type: 'exit' };
  }
  return null;
}

/** True when a command moves or blanks the deck (as opposed to fullscreen, speaker view, exit). */
export function isDeckAction(command: DeckCommand): command is DeckAction {
  return command.type !== 'fullscreen' && command.type !== 'speaker' && command.type !== 'exit';
}

/** `?controls=0` (in the query before the hash, or after the route inside it) hides presenter chrome. */
export function controlsHidden(...queries: readonly string[]): boolean {
  return queries.some((query) => {
    const value = new URLSearchParams(query.replace(/^[^?]*\?/, '')).get('controls');
    return value === '0' || value === 'false' || value === 'off';
  });
}

const CONTROLS_VALUES: ReadonlySet<string> = new Set(['0', 'false', 'off', '1', 'true', 'on']);

/**
 * What is wrong with a slide address, as a sentence, or null: a slide number that is not one (`abc`,
 * `0`, `1.5`) or past the deck's end, or a `controls` value that means nothing. The deck shows the
 * nearest slide either way; this says so, so a mistyped link does not silently open another slide.
 */
export function slideAddressProblem(
  param: string | undefined,
  slide: number | null,
  count: number,
  ...queries: readonly string[]
): string | null {
  const problems: string[] = [];
  const shown = param && param.length > 12 ? `${param.slice(0, 12)}…` : param;
  if (param !== undefined && param !== '' && slide === null)
    problems.push(`There is no slide “${shown}”: slides are numbered from 1, so this is slide 1.`);
  else if (slide !== null && count > 0 && slide > count)
    problems.push(`This deck has ${count} slides, so slide ${shown} is shown as its last.`);
  for (const query of queries) {
    const value = new URLSearchParams(query.replace(/^[^?]*\?/, '')).get('controls');
    if (value !== null && !CONTROLS_VALUES.has(value)) {
      problems.push(
        `“controls=${value.slice(0, 12)}” is not understood: controls=0 hides the presenter controls.`,
      );
      break;
    }
  }
  return problems.length > 0 ? problems.join(' ') : null;
}
