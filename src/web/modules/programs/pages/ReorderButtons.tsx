import { useTranslation } from 'react-i18next';

/**
 * Move up / move down / remove for one item of an editable list (keyboard usable, no drag). After a move the
 * focus stays on the button that moved the item (or its sibling once the item reaches an end).
 */
export function ReorderButtons({
  id,
  name,
  index,
  count,
  onMove,
  onRemove,
  removeDisabled,
}: {
  /** stable id prefix of the item */
  id: string;
  /** what the item is called, for the buttons' accessible names */
  name: string;
  index: number;
  count: number;
  onMove: (d: -1 | 1) => void;
  onRemove: () => void;
  removeDisabled?: boolean;
}) {
  const { t } = useTranslation();
  const move = (d: -1 | 1) => {
    onMove(d);
    const to = index + d;
    const keep = (d === -1 && to > 0) || (d === 1 && to < count - 1);
    const target = keep ? (d === -1 ? 'up' : 'down') : d === -1 ? 'down' : 'up';
    requestAnimationFrame(() => document.getElementById(`${id}-${target}`)?.focus());
  };
  return (
    <div className="ce-reorder">
      <button
        type="button"
        id={`${id}-up`}
        className="krds-btn xsmall tertiary"
        disabled={index === 0}
        aria-label={t('callEditor.moveUp', { name })}
        onClick={() => move(-1)}
      >
        <span aria-hidden="true">↑</span> {t('callEditor.up')}
      </button>
      <button
        type="button"
        id={`${id}-down`}
        className="krds-btn xsmall tertiary"
        disabled={index >= count - 1}
        aria-label={t('callEditor.moveDown', { name })}
        onClick={() => move(1)}
      >
        <span aria-hidden="true">↓</span> {t('callEditor.down')}
      </button>
      <button
        type="button"
        className="krds-btn xsmall tertiary"
        disabled={removeDisabled}
        aria-label={t('callEditor.removeItem', { name })}
        onClick={onRemove}
      >
        {t('callEditor.remove')}
      </button>
    </div>
  );
}
