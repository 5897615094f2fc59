import { useEffect, type RefObject } from 'react';

/**
 * Ctrl+F (⌘F on macOS) focuses the Inventory's search box instead of the
 * browser's find bar, which only searches the few rows drawn. Inside a dialog
 * or drawer the key is left alone: the page behind it is not reachable.
 */
export function useFindShortcut(target: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'f') return;
      if (event.target instanceof Element && event.target.closest('[role="dialog"], [role="alertdialog"]')) return;
      const input = target.current;
      if (input === null) return;
      event.preventDefault();
      input.focus();
      input.select();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [target]);
}
