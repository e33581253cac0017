import { useEffect, useEffectEvent } from 'react';

export interface RowKeyHandlers {
  onNext: () => void;
  onPrevious: () => void;
  onOpen: () => void;
}

/** Keys typed into a form control, a dialog or a link belong to it, not to the list. */
function belongsElsewhere(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return (
    target.closest('input, textarea, select, [role="dialog"], [role="listbox"], [role="combobox"]') !== null
  );
}

/** Gmail-style list keys anywhere on the page: j next, k previous, Enter open. */
export function useRowKeys(handlers: RowKeyHandlers): void {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (
      event.defaultPrevented ||
      event.altKey ||
      event.ctrlKey ||
      event.metaKey ||
      belongsElsewhere(event.target)
    )
      return;
    if (event.key === 'j') handlers.onNext();
    else if (event.key === 'k') handlers.onPrevious();
    else if (
      event.key === 'Enter' &&
      !(event.target instanceof HTMLElement && event.target.closest('a, button'))
    ) {
      handlers.onOpen();
    } else return;
    event.preventDefault();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}
