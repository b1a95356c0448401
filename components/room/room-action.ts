import type { ReactNode } from 'react';

/**
 * One thing a person can do from the room's control bar. The bar shows
 * pinned actions as buttons at every width (the student's hand), and every
 * other action as an entry of its "More" menu, so a new action is one more
 * object in the list the room hands the bar, whatever the screen.
 */
export interface RoomAction {
  /** Stable key; also the `data-testid` unless `testId` says otherwise. */
  id: string;
  label: string;
  icon: ReactNode;
  onSelect: () => void;
  /** A button in the bar itself at every width, instead of an entry of the "More" menu. */
  pinned?: boolean;
  /** A toggle's state (a raised hand): announced as pressed / checked. */
  pressed?: boolean;
  disabled?: boolean;
  tone?: 'danger';
  testId?: string;
}
