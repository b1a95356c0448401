'use client';

import './tools.css';
import dynamic from 'next/dynamic';
import { Wrench } from 'lucide-react';
import { useState } from 'react';
import { useText, type TextKey } from '@/components/i18n/use-text';
import { Button } from '@/components/ui/button';
import type { RoomStateView } from '@/shared/classroom/room-state';

// Each tool is its own chunk, loaded when it is first shown: the room page's initial JavaScript stays as it was.
const MushafPanel = dynamic(() => import('./mushaf-panel').then((m) => m.MushafPanel), { ssr: false });
const SessionRecitations = dynamic(() => import('@/components/recitations/session-recitations').then((m) => m.SessionRecitations), { ssr: false });

const TOOLS = ['mushaf', 'recitation'] as const;
type Tool = (typeof TOOLS)[number];
const LABELS: Record<Tool, TextKey> = { mushaf: 'tools.mushaf', recitation: 'recitation.title' };

/**
 * The room's teaching tools (docs/rules.md#teaching-tools) behind one "Tools" entry:
 * the teacher or a manager opens a tool; everyone sees what the teacher
 * shares (the room state carries it). The Mushaf is at hand in Quran
 * sessions; in academic and course sessions it is in the menu only.
 */
export function ClassroomTools({ sessionId, state, canManage, kind }: { sessionId: number; state: RoomStateView; canManage: boolean; kind: string }) {
  const { t } = useText();
  const [menuOpen, setMenuOpen] = useState(false);
  const [opened, setOpened] = useState<Set<Tool>>(() => new Set(kind === 'quran' && canManage ? ['mushaf'] : []));
  const shown = (tool: Tool) => (tool === 'mushaf' ? state.mushaf !== null || (canManage && opened.has('mushaf')) : canManage && opened.has(tool));
  const toggle = (tool: Tool) =>
    setOpened((current) => {
      const next = new Set(current);
      if (next.has(tool)) next.delete(tool);
      else next.add(tool);
      return next;
    });
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
              {TOOLS.map((tool) => (
                <Button key={tool} size="sm" variant={shown(tool) ? 'primary' : 'ghost'} aria-pressed={shown(tool)} onClick={() => toggle(tool)} data-testid={`tool-${tool}`}>
                  {t(LABELS[tool])}
                </Button>
              ))}
            </div>
          )}
        </div>
      )}
      {shown('mushaf') && <MushafPanel sessionId={sessionId} view={state.mushaf} canManage={canManage} onHide={() => setOpened((c) => new Set([...c].filter((x) => x !== 'mushaf')))} />}
      {shown('recitation') && (
        <div className="tool-panel" data-testid="recitation-panel">
          <SessionRecitations sessionId={sessionId} range={state.mushaf} compact />
        </div>
      )}
    </div>
  );
}
