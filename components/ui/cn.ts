import { clsx, type ClassValue } from 'clsx';
import { twMerge } from 'tailwind-merge';

/** Class names joined, later Tailwind utilities winning over earlier ones (a caller's `className` over a component's). */
export const cn = (...values: ClassValue[]) => twMerge(clsx(values));
