import { Slot } from 'radix-ui';
import type { ComponentProps } from 'react';
import { cn } from './cn';

const VARIANTS = {
  primary: 'border-accent bg-accent text-white hover:bg-accent-strong',
  secondary: 'border-accent bg-card text-accent hover:bg-accent-soft',
  danger: 'border-danger bg-danger text-white hover:bg-danger-strong',
  ghost: 'border-transparent bg-transparent text-accent hover:bg-accent-soft',
} as const;

/** Both at least 44 px high, the size of a fingertip (issue 17: phones and tablets); `sm` is narrower, with smaller words. */
const SIZES = {
  md: 'min-h-11 min-w-11 px-3.5 py-1.5 text-[0.95rem]',
  sm: 'min-h-11 min-w-11 px-2.5 py-0.5 text-sm',
} as const;

export type ButtonVariant = keyof typeof VARIANTS;
export type ButtonSize = keyof typeof SIZES;

/** A button's classes, for the rare element that must look like one without being a <button> (see `asChild`). */
export function buttonClass({ variant = 'primary', size = 'md', className }: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}) {
  return cn(
    'inline-flex cursor-pointer items-center justify-center gap-1.5 rounded-md border font-medium leading-snug no-underline transition-colors',
    'disabled:cursor-not-allowed disabled:opacity-60 [&_svg]:size-4 [&_svg]:shrink-0',
    VARIANTS[variant],
    SIZES[size],
    className,
  );
}

/**
 * The project's button. `asChild` lends its look to a link (`<Button asChild><Link …/></Button>`),
 * so a navigation stays a link for assistive technology. `type` defaults to "button".
 */
export function Button({
  variant,
  size,
  asChild = false,
  className,
  type,
  ...props
}: ComponentProps<'button'> & { variant?: ButtonVariant; size?: ButtonSize; asChild?: boolean }) {
  const Component = asChild ? Slot.Root : 'button';
  return <Component className={buttonClass({ variant, size, className })} {...(asChild ? {} : { type: type ?? 'button' })} {...props} />;
}
