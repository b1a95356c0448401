'use client';

import './tools.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { Wrench } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useText, type TextKey } from '@/components/i18n/use-text';
import { useTRPC } from '@/components/trpc-provider';
import { Button } from '@/components/ui/button';
import type { RoomStateView } from '@/shared/classroom/room-state';

// Each tool is its own chunk, loaded when it is first shown: the room page's initial JavaScript stays as it was.
const MushafPanel = dynamic(() => import('./mushaf-panel').then((m) => m.MushafPanel), { ssr: false });
const PollPanel = dynamic(() => import('./poll-panel').then((m) => m.PollPanel), { ssr: false });
// Excalidraw is large (see README): it is in this chunk only, fetched when the board is first shown.
const WhiteboardPanel = dynamic(() => import('./whiteboard-panel').then((m) => m.WhiteboardPanel), { ssr: false });
const SessionRecitations = dynamic(() => import('@/components/recitations/session-recitations').then((m) => m.SessionRecitations), { ssr: false });

const TOOLS = ['mushaf', 'poll', 'recitation', 'board'] as const;
/** Where the room puts the class and the teacher's panel side by side (room.css: narrower or lower is a phone or tablet). */
const WIDE_SCREEN = '(min-width: 1024px) and (min-height: 601px)';
type Tool = (typeof TOOLS)[number];
const LABELS: Record<Tool, TextKey> = { mushaf: 'tools.mushaf', poll: 'poll.title', recitation: 'recitation.title', board: 'board.title' };

/**
 * The room's teaching tools (docs/rules.md#teaching-tools) behind one "Tools" entry:
 * the teacher or a manager opens a tool; everyone sees what the teacher
 * shares (the room state carries it). The Mushaf is at hand in Quran
 * sessions; in academic and course sessions it is in the menu only.
 */
export function ClassroomTools({
  sessionId,
  userId,
  state,
  canManage,
  isStudent,
  kind,
}: {
  sessionId: number;
  userId: number;
  state: RoomStateView;
  canManage: boolean;
  isStudent: boolean;
  kind: string;
}) {
  const { t } = useText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Polls: every command bumps the room's version (poll_changed among them), so a new version refetches the poll.
  const polls = useQuery(trpc.poll.listForSession.queryOptions({ sessionId }));
  const pollsKey = trpc.poll.listForSession.queryKey({ sessionId });
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: pollsKey });
    // pollsKey follows sessionId; state.version is the trigger.
  }, [state.version, queryClient, sessionId]);
  const latest = polls.data?.polls[0] ?? null;
  const pollForStudents = latest && (latest.open || latest.resultsShown) ? latest : null;
  const [menuOpen, setMenuOpen] = useState(false);
  // What the teacher chose to show or hide; a tool they have not touched follows its default.
  const [choice, setChoice] = useState<Partial<Record<Tool, boolean>>>({});
  // In a Quran session the Mushaf is at hand by default on a screen wide enough to keep the class's video
  // beside it; on a phone or tablet (or once the window narrows) the video comes first, the Mushaf one tap away.
  const [wide, setWide] = useState(false);
  useEffect(() => {
    const query = window.matchMedia(WIDE_SCREEN);
    const follow = () => setWide(query.matches);
    follow();
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  const wants = (tool: Tool) => choice[tool] ?? (tool === 'mushaf' && kind === 'quran' && wide);
  const shown = (tool: Tool) => {
    if (tool === 'mushaf') return state.mushaf !== null || (canManage && wants('mushaf'));
    if (tool === 'poll') return canManage ? wants('poll') : pollForStudents !== null;
    if (tool === 'board') return state.whiteboard !== null || (canManage && wants('board'));
    return canManage && wants(tool);
  };
  const toggle = (tool: Tool) => setChoice((current) => ({ ...current, [tool]: !wants(tool) }));
  const hide = (tool: Tool) => () => setChoice((current) => ({ ...current, [tool]: false }));
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
      {shown('mushaf') && <MushafPanel sessionId={sessionId} view={state.mushaf} canManage={canManage} onHide={hide('mushaf')} />}
      {shown('poll') && (
        <PollPanel sessionId={sessionId} canManage={canManage} isStudent={isStudent} current={canManage ? latest : pollForStudents} refresh={() => void polls.refetch()} />
      )}
      {shown('board') && (
        <WhiteboardPanel
          sessionId={sessionId}
          view={state.whiteboard}
          viewer={{ userId, canManage, isStudent }}
          onHide={hide('board')}
        />
      )}
      {shown('recitation') && (
        <div className="tool-panel" data-testid="recitation-panel">
          <SessionRecitations sessionId={sessionId} range={state.mushaf} compact />
        </div>
      )}
    </div>
  );
}
