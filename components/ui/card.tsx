import type { ComponentProps } from 'react';
import { cn } from './cn';

/** A page's section: a white panel with a border. A section, so it names itself with `aria-labelledby`. */
export function Card({ className, ...props }: ComponentProps<'section'>) {
  return <section className={cn('mb-4 rounded-lg border border-line bg-card p-4 shadow-xs', className)} {...props} />;
}

/** A card's heading row: the title at the start, actions at the end. */
export function CardHeader({ className, ...props }: ComponentProps<'div'>) {
  return <div className={cn('mb-2 flex flex-wrap items-center justify-between gap-4 [&>h2]:m-0', className)} {...props} />;
}
