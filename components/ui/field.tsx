import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';

const CONTROL =
  'w-full rounded-md border border-control bg-card px-2.5 py-1.5 text-fg disabled:cursor-not-allowed disabled:bg-[#f0f2f1] disabled:text-muted';

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return <input className={cn(CONTROL, 'h-11', className)} {...props} />;
}

export function Select({ className, ...props }: ComponentProps<'select'>) {
  return <select className={cn(CONTROL, 'h-11 pe-8', className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<'textarea'>) {
  return <textarea className={cn(CONTROL, className)} {...props} />;
}

/**
 * A labelled control: the label text above the control, both inside one
 * <label> (so a click on the words focuses the control), and an optional hint
 * whose id the control names in `aria-describedby`.
 */
export function Field({ label, hint, hintId, className, children, ...props }: ComponentProps<'label'> & { label: ReactNode; hint?: ReactNode; hintId?: string }) {
  return (
    <label className={cn('grid content-start gap-1 font-medium', className)} {...props}>
      <span>{label}</span>
      <span className="contents font-normal">{children}</span>
      {hint && (
        <span id={hintId} className="text-sm font-normal text-muted">
          {hint}
        </span>
      )}
    </label>
  );
}

/** A checkbox or radio button with its label beside it. */
export function Check({ label, className, type = 'checkbox', ...props }: Omit<ComponentProps<'input'>, 'type'> & { label: ReactNode; type?: 'checkbox' | 'radio' }) {
  return (
    // The whole line is the tap target (44 px high): the box alone is too small for a finger.
    <label className={cn('flex min-h-11 cursor-pointer items-center gap-2.5 py-0.5', className)}>
      <input type={type} className="size-5 shrink-0 accent-accent" {...props} />
      <span>{label}</span>
    </label>
  );
}

/** Related controls under a caption (days of the week, a group of switches). */
export function FieldGroup({ legend, className, children, ...props }: ComponentProps<'fieldset'> & { legend: ReactNode }) {
  return (
    <fieldset className={cn('m-0 min-w-0 rounded-md border border-line px-3 pt-1 pb-2', className)} {...props}>
      <legend className="px-1 text-sm text-muted">{legend}</legend>
      {children}
    </fieldset>
  );
}

/** A form's fields in a responsive grid (on the <form> itself, or a <FormGrid> inside it); `col-span-full` children take a whole row. */
export const formGridClass = 'grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] items-end gap-x-4 gap-y-3';
export function FormGrid({ className, ...props }: ComponentProps<'div'>) {
  return <div className={cn(formGridClass, className)} {...props} />;
}

/** The row of a form's buttons. */
export function FormActions({ className, ...props }: ComponentProps<'div'>) {
  return <div className={cn('flex flex-wrap items-center gap-2', className)} {...props} />;
}
