'use client';

import './tools.css';
import dynamic from 'next/dynamic';
import { Wrench } from 'lucide-react';
import { useState } from 'react';
import { useText } from '@/components/i18n/use-text';
import { Button } from '@/components/ui/button';
import type { RoomStateView } from '@/shared/classroom/room-state';

// Each tool is its own chunk, loaded when it is first shown: the room page's initial JavaScript stays as it was.
const MushafPanel = dynamic(() => import('./mushaf-panel').then((m) => m.MushafPanel), { ssr: false });

type Tool = 'mushaf';

/**
 * The room's teaching tools (docs/rules.md#teaching-tools) behind one "Tools" entry:
 * the teacher or a manager opens a tool; everyone sees what the teacher
 * shares (the room state carries it). The Mushaf is at hand in Quran
 * sessions; in academic and course sessions it is in the menu only.
 */
export function ClassroomTools({ sessionId, state, canManage, kind }: { sessionId: number; state: RoomStateView; canManage: boolean; kind: string }) {
  const { t } = useText();
  const [menuOpen, setMenuOpen] = useState(false);
  const [opened, setOpened] = useState<Tool | null>(kind === 'quran' && canManage ? 'mushaf' : null);
  const showMushaf = state.mushaf !== null || (canManage && opened === 'mushaf');
  return (
    <div className="classroom-tools" data-testid="classroom-tools">
      {canManage && (
        <div className="flex flex-wrap items-center gap-2 px-2 py-1">
          <Button size="sm" variant="secondary" aria-expanded={menuOpen} aria-controls="tools-menu" onClick={() => setMenuOpen((v) => !v)} data-testid="tools-entry">
            <Wrench aria-hidden />
            {t('tools.entry')}
          </Button>
          {menuOpen && (
            <div id="tools-menu" role="group" aria-label={t('tools.entry')} className="flex flex-wrap gap-2">
              <Button
                size="sm"
                variant={showMushaf ? 'primary' : 'ghost'}
                aria-pressed={showMushaf}
                onClick={() => {
                  setOpened(opened === 'mushaf' ? null : 'mushaf');
                  setMenuOpen(false);
                }}
                data-testid="tool-mushaf"
              >
                {t('tools.mushaf')}
              </Button>
            </div>
          )}
        </div>
      )}
      {showMushaf && <MushafPanel sessionId={sessionId} view={state.mushaf} canManage={canManage} onHide={() => setOpened(null)} />}
    </div>
  );
}
