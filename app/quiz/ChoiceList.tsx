import { useId } from 'react';
import type { Choice } from '../lessonTypes';
import { RichText } from './RichText';
import { hasTex, speakable } from './speakable';

export interface ChoiceListProps {
  readonly type: 'radio' | 'checkbox';
  readonly choices: readonly Choice[];
  readonly selected: readonly string[];
  readonly onChange: (selected: string[]) => void;
  /** After checking: which chosen choices were right or wrong, shown beside them. */
  readonly marks?: Readonly<Record<string, 'right' | 'wrong'>>;
}

const markText = (mark: 'right' | 'wrong' | undefined) => (mark ? ` (${mark})` : '');

/** A radio group (one answer) or a set of checkboxes (several), each choice a label with inline TeX. */
export function ChoiceList({ type, choices, selected, onChange, marks }: ChoiceListProps) {
  const name = useId();
  const toggle = (id: string, on: boolean) => {
    if (type === 'radio') onChange([id]);
    else
      onChange(
        on ? [...selected.filter((other) => other !== id), id] : selected.filter((other) => other !== id),
      );
  };
  return (
    <ul className="choice-list">
      {choices.map((choice) => {
        const id = `${name}-${choice.id}`;
        const mark = marks?.[choice.id];
        return (
          <li key={choice.id} className={`choice${mark ? ` choice-${mark}` : ''}`}>
            <input
              id={id}
              type={type}
              name={name}
              value={choice.id}
              checked={selected.includes(choice.id)}
              aria-label={hasTex(choice.text) ? speakable(choice.text) + markText(mark) : undefined}
              onChange={(event) => toggle(choice.id, event.currentTarget.checked)}
            />
            <label htmlFor={id}>
              <RichText text={choice.text} />
              {mark && (
                <>
                  {' '}
                  <span className="choice-mark">
                    <span aria-hidden="true">{mark === 'right' ? '✓' : '✗'}</span>
                    <span className="visually-hidden">{mark === 'right' ? '(right)' : '(wrong)'}</span>
                  </span>
                </>
              )}
            </label>
          </li>
        );
      })}
    </ul>
  );
}
