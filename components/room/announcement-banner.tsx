'use client';

import { useText } from '@/components/i18n/use-text';
import type { Announcement } from '@/shared/classroom/hand-and-announcement';

/** The teacher's announcement, read out by screen readers when it changes. */
export function AnnouncementBanner({ announcement }: { announcement: Announcement | null }) {
  const { t, formatTime } = useText();
  return (
    <div aria-live="polite" className="announcement-region">
      {announcement && (
        <p className="announcement" data-testid="announcement" role="status">
          <strong>{t('room.announcement')}:</strong> <span data-testid="announcement-text">{announcement.text}</span>{' '}
          <span className="announcement-meta">
            — {announcement.by}, {formatTime(announcement.at)}
          </span>
        </p>
      )}
    </div>
  );
}
