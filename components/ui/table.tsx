import type { ComponentProps } from 'react';
import { cn } from './cn';

/**
 * The project's data table: scrolls sideways on narrow screens (or, `stacked`,
 * becomes one block per row on a phone, each cell under its column's name
 * from `data-label`: globals.css), headers and
 * cells aligned to the start (so Arabic mirrors). Rows and cells stay plain
 * <tr>/<th>/<td>; `numeric` cells in `Cell` keep digits together.
 */
export function Table({ className, wrapperClassName, stacked = false, ...props }: ComponentProps<'table'> & { wrapperClassName?: string; stacked?: boolean }) {
  return (
    // relative: the screen-reader-only texts inside (absolutely positioned) stay in the scroller, not widening the page.
    <div className={cn('relative -mx-1 overflow-x-auto px-1', wrapperClassName)}>
      <table
        className={cn(
          'w-full border-collapse text-[0.95rem]',
          '[&_th]:border-b [&_th]:border-line [&_th]:px-2 [&_th]:py-2 [&_th]:text-start [&_th]:text-sm [&_th]:font-semibold [&_th]:text-muted',
          '[&_td]:border-b [&_td]:border-line [&_td]:px-2 [&_td]:py-2 [&_td]:text-start [&_td]:align-top',
          '[&_tbody_tr:hover]:bg-[#f9faf9] [&_tbody_tr:last-child_td]:border-b-0',
          stacked && 'table-stacked',
          className,
        )}
        {...props}
      />
    </div>
  );
}

/** A header cell for a column of actions: named for screen readers, blank to the eye. */
export function ActionsHeader({ label }: { label: string }) {
  return (
    <th scope="col" className="text-end">
      <span className="sr-only">{label}</span>
    </th>
  );
}
