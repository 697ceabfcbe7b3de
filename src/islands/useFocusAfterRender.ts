/**
 * Moves keyboard focus to new content once it is in the DOM. Callers name a CSS selector (inside
 * the island's root) when they change state; focus moves in a layout effect, before paint, so
 * keyboard and screen-reader users never act on the old position.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';

export function useFocusAfterRender<T extends HTMLElement>() {
  const root = useRef<T>(null);
  const pending = useRef<string | null>(null);
  useLayoutEffect(() => {
    const selector = pending.current;
    if (!selector) return;
    pending.current = null;
    root.current?.querySelector<HTMLElement>(selector)?.focus();
  });
  /** Focus the element matching `selector` after the next render. */
  const focusAfterRender = (selector: string) => {
    pending.current = selector;
  };
  return { root, focusAfterRender };
}
