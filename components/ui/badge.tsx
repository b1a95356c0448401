import type { ComponentProps } from 'react';
import { cn } from './cn';

/** Tones, each a background and a text colour with at least 4.5:1 contrast. */
const TONES = {
  neutral: 'bg-[#e3ece7] text-fg',
  muted: 'bg-[#ececec] text-[#3d3d3d]',
  live: 'bg-[#ffe1e1] text-[#8a1111]',
  success: 'bg-[#d8f0e3] text-[#0b4d33]',
  warning: 'bg-[#fff1cc] text-[#5c4200]',
  caution: 'bg-[#ffe4cc] text-[#6e2e00]',
  danger: 'bg-[#fde2e2] text-[#7d1010]',
} as const;

export type BadgeTone = keyof typeof TONES;

export function Badge({ tone = 'neutral', className, ...props }: ComponentProps<'span'> & { tone?: BadgeTone }) {
  return <span className={cn('inline-flex items-center gap-1 rounded-full px-2 py-px text-sm font-medium whitespace-nowrap [&+&]:ms-1.5', TONES[tone], className)} {...props} />;
}
