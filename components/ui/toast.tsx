'use client';

import { Toaster as Sonner } from 'sonner';
import { useText } from '@/components/i18n/use-text';

export { toast } from 'sonner';

/**
 * Where toasts appear: the bottom corner at the end of the reading direction,
 * in the page's direction and font, each a live region screen readers announce.
 */
export function Toaster() {
  const { dir } = useText();
  return (
    <Sonner
      dir={dir}
      position={dir === 'rtl' ? 'bottom-left' : 'bottom-right'}
      richColors
      closeButton
      toastOptions={{ className: 'font-sans' }}
    />
  );
}
