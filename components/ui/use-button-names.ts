'use client';

import { useCallback } from 'react';

/**
 * A ref for a container whose third-party icon buttons (matched by `selector`)
 * come without an accessible name (axe: button-name): names them `label`, in
 * the viewer's language, and again whenever the library renders them anew.
 */
export function useButtonNames<T extends HTMLElement>(selector: string, label: string) {
  return useCallback(
    (root: T | null) => {
      if (!root) return;
      const name = () => root.querySelectorAll(selector).forEach((b) => b.getAttribute('aria-label') === label || b.setAttribute('aria-label', label));
      name();
      const observer = new MutationObserver(name);
      observer.observe(root, { childList: true, subtree: true });
      return () => observer.disconnect();
    },
    [selector, label],
  );
}
