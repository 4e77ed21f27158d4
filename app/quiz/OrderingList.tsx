import { useEffect, useId, useRef, useState } from 'react';
import { plainText } from './inline';
import { moveItem } from './ordering';
import { RichText } from './RichText';

export interface OrderingListProps {
  readonly items: readonly { readonly id: string; readonly text: string }[];
  /** Item ids in the learner's current order. */
  readonly order: readonly string[];
  readonly onChange: (order: string[]) => void;
  /** After checking: the correct order, to mark each item as in place or not. */
  readonly correct?: readonly string[];
}

type Direction = -1 | 1;

/**
 * An ordered list the learner rearranges with a Move up and a Move down button per item: keyboard and
 * screen-reader friendly, no dragging needed. Focus follows the moved item; each move is announced.
 */
export function OrderingList({ items, order, onChange, correct }: OrderingListProps) {
  const prefix = useId();
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [pendingFocus, setPendingFocus] = useState<{ id: string; direction: Direction } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const text = new Map(items.map((item) => [item.id, item.text]));

  useEffect(() => {
    if (!pendingFocus) return;
    const { id, direction } = pendingFocus;
    const same = buttons.current.get(`${id}:${direction}`);
    const other = buttons.current.get(`${id}:${-direction}`);
    (same && !same.disabled ? same : other)?.focus();
    setPendingFocus(null);
  }, [pendingFocus]);

  const move = (index: number, direction: Direction) => {
    const id = order[index]!;
    const next = moveItem(order, index, direction);
    onChange(next);
    setPendingFocus({ id, direction });
    setAnnouncement(
      `“${plainText(text.get(id) ?? id)}” moved to position ${index + direction + 1} of ${order.length}.`,
    );
  };

  return (
    <>
      <ol className="ordering-list">
        {order.map((id, index) => {
          const textId = `${prefix}-${id}`;
          const inPlace = correct ? correct[index] === id : undefined;
          return (
            <li
              key={id}
              data-item-id={id}
              className={`ordering-item${inPlace === undefined ? '' : inPlace ? ' choice-right' : ' choice-wrong'}`}
            >
              <span className="ordering-position" aria-hidden="true">
                {index + 1}
              </span>
              <span className="ordering-text" id={textId}>
                <RichText text={text.get(id) ?? id} />
                {inPlace !== undefined && (
                  <>
                    {' '}
                    <span className="choice-mark">
                      <span aria-hidden="true">{inPlace ? '✓' : '✗'}</span>
                      <span className="visually-hidden">
                        {inPlace ? '(in the right place)' : '(not in the right place)'}
                      </span>
                    </span>
                  </>
                )}
              </span>
              <span className="ordering-buttons" hidden={correct !== undefined}>
                {([-1, 1] as const).map((direction) => (
                  <button
                    key={direction}
                    type="button"
                    ref={(element) => {
                      const key = `${id}:${direction}`;
                      if (element) buttons.current.set(key, element);
                      else buttons.current.delete(key);
                    }}
                    aria-describedby={textId}
                    disabled={direction === -1 ? index === 0 : index === order.length - 1}
                    onClick={() => move(index, direction)}
                  >
                    <span aria-hidden="true">{direction === -1 ? '↑' : '↓'}</span>
                    <span className="ordering-button-label">
                      {direction === -1 ? 'Move up' : 'Move down'}
                    </span>
                  </button>
                ))}
              </span>
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
