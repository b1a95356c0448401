'use client';

import './classroom-tile.css';
import { ParticipantTile, useMaybeTrackRefContext, useParticipants } from '@livekit/components-react';
import { Eye, Hand } from 'lucide-react';
import { useText } from '@/components/i18n/use-text';
import { useButtonNames } from '@/components/ui/use-button-names';
import { participantKind } from '@/shared/classroom/grants';
import type { TrackReferenceOrPlaceholder } from '@livekit/components-react';

/** Parents observe: they never take a tile in the class (docs/rules.md#observers). */
export function isClassTile(track: TrackReferenceOrPlaceholder): boolean {
  return participantKind(track.participant.metadata ?? '') !== 'parent';
}

/** LiveKit's participant tile with the student's raised hand on it. */
export function ClassroomTile({ raisedHands }: { raisedHands: ReadonlySet<string> }) {
  const { t } = useText();
  const track = useMaybeTrackRefContext();
  const raised = track ? raisedHands.has(track.participant.identity) : false;
  // LiveKit's enlarge/restore button on the tile is an icon without a name.
  const tile = useButtonNames<HTMLDivElement>('.lk-focus-toggle-button', t('room.focusTile'));
  return (
    <div className="classroom-tile" ref={tile}>
      <ParticipantTile />
      {raised && (
        <span className="tile-hand" data-testid="tile-hand" role="img" aria-label={t('room.handIsRaised')}>
          <Hand aria-hidden className="size-5" />
        </span>
      )}
    </div>
  );
}

/** The teacher sees how many parents are watching, instead of their empty tiles. */
export function ObserversBadge() {
  const { t } = useText();
  const count = useParticipants().filter((p) => !p.isLocal && participantKind(p.metadata ?? '') === 'parent').length;
  if (count === 0) return null;
  return (
    <p className="observers-badge" data-testid="observers-badge" role="status">
      <Eye aria-hidden className="size-4" />
      {t('classroom.observers', { count })}
    </p>
  );
}
