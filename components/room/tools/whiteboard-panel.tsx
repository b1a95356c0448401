'use client';

import './excalidraw-assets';
import '@excalidraw/excalidraw/index.css';
import { CaptureUpdateAction, Excalidraw, exportToSvg } from '@excalidraw/excalidraw';
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import { useMutation, useQuery } from '@tanstack/react-query';
import { X } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useText } from '@/components/i18n/use-text';
import { useTRPC } from '@/components/trpc-provider';
import { Button } from '@/components/ui/button';
import { useButtonNames } from '@/components/ui/use-button-names';
import { ErrorText } from '@/components/ui/notice';
import { changedElements, mayDraw, mergeElements, SEND_EVERY_MS, visibleCount, type BoardDrawers, type BoardElement, type WhiteboardView } from '@/shared/classroom/whiteboard';
import { registerBoardSaver } from './board-saver';

type Viewer = { userId: number; canManage: boolean; isStudent: boolean };

/**
 * The shared whiteboard (Excalidraw, MIT), loaded only when the board is shown.
 * Everyone sees the same scene: a drawer's changes go to the server at most
 * every SEND_EVERY_MS, only the elements that changed; a whiteboard_changed
 * command (the room state's sceneVersion) makes the others fetch the scene and
 * merge it in per element (shared/classroom/whiteboard.ts). The teacher
 * chooses who draws; closing the board (or ending the meeting) saves it as
 * an SVG the session page shows, and while it is open the teacher's browser
 * saves it again every SAVE_EVERY_MS when it changed, so a meeting that ends
 * by itself (the end sweep, the teacher's connection lost) still leaves the
 * board on the session page, at most that much behind.
 */
const SAVE_EVERY_MS = 20_000;

/** Changes whenever an element is added, edited or deleted (Excalidraw bumps an element's version on every edit). */
const sceneFingerprint = (elements: readonly { id: string; version: number }[]) => elements.map((e) => `${e.id}:${e.version}`).join(',');

export function WhiteboardPanel({ sessionId, view, viewer, onHide }: { sessionId: number; view: WhiteboardView | null; viewer: Viewer; onHide(): void }) {
  const { t, locale, dir } = useText();
  const trpc = useTRPC();
  const [api, setApi] = useState<ExcalidrawImperativeAPI | null>(null);
  const [count, setCount] = useState(0);
  // Excalidraw replaces its scene with its initial (empty) one when it finishes loading: a scene merged in
  // before that is lost. It calls onChange only once loaded, so the first onChange opens the door.
  const [loaded, setLoaded] = useState(false);
  const synced = useRef(new Map<string, number>());
  const known = useRef(-1);
  const sending = useRef(false);
  const canDraw = mayDraw(view, viewer);
  const set = useMutation(trpc.whiteboard.set.mutationOptions());
  const close = useMutation(trpc.whiteboard.close.mutationOptions({ onSuccess: onHide }));
  const draw = useMutation(trpc.whiteboard.draw.mutationOptions());
  const saveImage = useMutation(trpc.whiteboard.saveImage.mutationOptions());
  const scene = useQuery({ ...trpc.whiteboard.scene.queryOptions({ sessionId }), enabled: view !== null, staleTime: 0 });
  const students = useQuery({ ...trpc.recitation.listForSession.queryOptions({ sessionId }), enabled: viewer.canManage });

  // Someone else's change reached a newer version than ours: fetch the scene.
  const { refetch } = scene;
  useEffect(() => {
    if (view && known.current >= 0 && view.sceneVersion > known.current) void refetch();
  }, [view, refetch]);

  // A fetched scene is merged into what is on screen, element by element.
  useEffect(() => {
    const remote = scene.data;
    if (!api || !loaded || !remote || remote.version <= known.current) return;
    const local = api.getSceneElementsIncludingDeleted() as unknown as BoardElement[];
    for (const e of remote.elements) if (!synced.current.has(e.id) || synced.current.get(e.id)! < e.version) synced.current.set(e.id, e.version);
    const merged = mergeElements(local, remote.elements);
    api.updateScene({ elements: merged as never, captureUpdate: CaptureUpdateAction.NEVER });
    known.current = remote.version;
    setCount(visibleCount(merged));
  }, [api, loaded, scene.data]);

  // The drawer's changes, at most every SEND_EVERY_MS and only when something changed.
  const { mutateAsync: send } = draw;
  useEffect(() => {
    if (!api || !canDraw) return;
    const timer = setInterval(() => {
      if (sending.current || known.current < 0) return;
      const changed = changedElements(api.getSceneElementsIncludingDeleted() as unknown as BoardElement[], synced.current);
      if (changed.length === 0) return;
      sending.current = true;
      // Excalidraw's elements, as plain JSON (every one has the type and isDeleted the input asks for).
      const elements = JSON.parse(JSON.stringify(changed)) as Parameters<typeof send>[0]['elements'];
      send({ sessionId, elements })
        .then(({ version }) => {
          for (const e of elements) synced.current.set(e.id, e.version);
          // Only our own change since the last scene we saw: nothing to fetch. Otherwise the room state's version makes us fetch.
          if (version === known.current + 1) known.current = version;
          else void refetch();
        })
        .catch(() => {})
        .finally(() => {
          sending.current = false;
        });
    }, SEND_EVERY_MS);
    return () => clearInterval(timer);
  }, [api, canDraw, send, sessionId, refetch]);

  // Excalidraw 0.18's main-menu button has no accessible name (axe: button-name).
  const canvasRef = useButtonNames<HTMLDivElement>('.dropdown-menu-button', t('board.menu'));

  const save = useCallback(async () => {
    if (!api) return;
    const elements = api.getSceneElements();
    if (elements.length === 0) return;
    const svg = await exportToSvg({
      elements,
      appState: { ...api.getAppState(), exportBackground: true, viewBackgroundColor: '#ffffff' },
      files: api.getFiles(),
      skipInliningFonts: true,
    });
    await saveImage.mutateAsync({ sessionId, svg: svg.outerHTML });
  }, [api, saveImage, sessionId]);

  useEffect(() => (viewer.canManage && view ? registerBoardSaver(save) : undefined), [viewer.canManage, view, save]);

  // The teacher's browser keeps the saved image current while the board is open.
  const boardOpen = view !== null;
  const lastSaved = useRef('');
  // The latest save, read by the timer: the timer is not restarted on every render.
  const saveNow = useRef(save);
  useEffect(() => {
    saveNow.current = save;
  }, [save]);
  useEffect(() => {
    if (!api || !viewer.canManage || !boardOpen) return;
    const timer = setInterval(() => {
      const fingerprint = sceneFingerprint(api.getSceneElements());
      if (fingerprint === '' || fingerprint === lastSaved.current) return;
      saveNow.current().then(
        () => (lastSaved.current = fingerprint),
        () => {},
      );
    }, SAVE_EVERY_MS);
    return () => clearInterval(timer);
  }, [api, viewer.canManage, boardOpen]);

  const closeBoard = async () => {
    await save().catch(() => {});
    close.mutate({ sessionId });
  };
  const drawersValue = !view ? 'teacher' : view.drawers.kind === 'one' ? `one:${view.drawers.userId}` : view.drawers.kind;
  const chooseDrawers = (value: string) => {
    const drawers: BoardDrawers = value.startsWith('one:') ? { kind: 'one', userId: Number(value.slice(4)) } : { kind: value as 'teacher' | 'all' };
    set.mutate({ sessionId, drawers });
  };
  const error = set.error ?? close.error ?? draw.error ?? saveImage.error;

  return (
    <section className="board-panel" aria-labelledby="board-title" data-testid="board-panel">
      <div className="mushaf-bar">
        <h2 id="board-title" className="m-0 text-base">
          {t('board.title')}
        </h2>
        {viewer.canManage && !view && (
          <Button size="sm" onClick={() => set.mutate({ sessionId, drawers: { kind: 'teacher' } })} disabled={set.isPending} data-testid="board-open">
            {t('board.open')}
          </Button>
        )}
        {viewer.canManage && view && (
          <>
            <label className="flex items-center gap-2 text-sm">
              {t('board.whoDraws')}
              <select className="board-select" value={drawersValue} onChange={(e) => chooseDrawers(e.target.value)} disabled={set.isPending} data-testid="board-drawers">
                <option value="teacher">{t('board.onlyTeacher')}</option>
                <option value="all">{t('board.allStudents')}</option>
                {(students.data?.students ?? []).map((s) => (
                  <option key={s.id} value={`one:${s.id}`}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
            <Button size="sm" variant="ghost" onClick={() => void closeBoard()} disabled={close.isPending || saveImage.isPending} data-testid="board-close">
              <X aria-hidden />
              {t('board.closeAndSave')}
            </Button>
          </>
        )}
        {!viewer.canManage && view && (
          <span className="text-sm text-muted" role="status" data-testid="board-may-draw" data-may-draw={canDraw}>
            {canDraw ? t('board.youMayDraw') : t('board.teacherDraws')}
          </span>
        )}
      </div>
      {error && <ErrorText className="px-3">{error.message}</ErrorText>}
      {view && (
        <div ref={canvasRef} className="board-canvas" data-testid="board-canvas" data-element-count={count} data-scene-version={scene.data?.version ?? 0}>
          <Excalidraw
            excalidrawAPI={setApi}
            viewModeEnabled={!canDraw}
            langCode={locale === 'ar' ? 'ar-SA' : 'en'}
            onChange={(elements) => {
              setLoaded(true);
              setCount(visibleCount(elements));
            }}
            UIOptions={{ canvasActions: { loadScene: false, saveToActiveFile: false, export: false, saveAsImage: false, toggleTheme: false, clearCanvas: canDraw }, tools: { image: false } }}
          />
        </div>
      )}
      <p className="mushaf-credit" dir={dir}>
        {t('board.credit')}
      </p>
    </section>
  );
}
