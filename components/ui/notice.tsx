import type { ComponentProps } from 'react';
import { cn } from './cn';

/** A highlighted message in the flow of the page (a result, a reason, a state). */
export function Notice({ className, ...props }: ComponentProps<'div'>) {
  return <div className={cn('mb-4 rounded-md border border-[#e5c36b] bg-[#fff4d6] px-4 py-3 text-fg [&>p]:m-0 [&>p+p]:mt-1.5', className)} {...props} />;
}

/** An error said in words (a failed request, a refused action), announced by screen readers. */
export function ErrorText({ className, ...props }: ComponentProps<'p'>) {
  return <p role="alert" className={cn('text-danger', className)} {...props} />;
}

/** Secondary text: dates under a title, empty states, hints. */
export function Muted({ className, ...props }: ComponentProps<'p'>) {
  return <p className={cn('text-muted', className)} {...props} />;
}
