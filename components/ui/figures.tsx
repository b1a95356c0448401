import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';

/** Accent stripes for figures that stand for an attendance status. */
const STRIPES = {
  none: 'border-s-line',
  present: 'border-s-[#1b7f5a]',
  late: 'border-s-[#8a6100]',
  partial: 'border-s-[#c2570c]',
  absent: 'border-s-[#b3261e]',
  // A live class's provisional states (docs/rules.md#attendance).
  in_class: 'border-s-[#8a1111]',
  left: 'border-s-[#6b6b6b]',
} as const;

/** Big numbers in a row (counts, rates), as a description list. */
export function Figures({ className, ...props }: ComponentProps<'dl'>) {
  return <dl className={cn('m-0 mb-4 flex flex-wrap gap-3', className)} {...props} />;
}

export function Figure({ label, value, stripe = 'none', valueTestId }: { label: ReactNode; value: ReactNode; stripe?: keyof typeof STRIPES; valueTestId?: string }) {
  return (
    <div className={cn('min-w-32 rounded-lg border border-s-4 border-line bg-card px-3.5 py-2', STRIPES[stripe])}>
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="m-0 text-[1.4rem] font-semibold" data-testid={valueTestId}>
        {value}
      </dd>
    </div>
  );
}

/** Short facts side by side (status, kind, when). */
export function Facts({ className, ...props }: ComponentProps<'dl'>) {
  return <dl className={cn('m-0 mb-4 flex flex-wrap gap-x-8 gap-y-3', className)} {...props} />;
}

export function Fact({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div>
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="m-0">{children}</dd>
    </div>
  );
}
