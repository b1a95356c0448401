'use client';

import type { useChat } from '@livekit/components-react';
import { X } from 'lucide-react';
import { useEffect, useRef, type FormEvent } from 'react';
import { useText } from '@/components/i18n/use-text';

type ChatMessage = ReturnType<typeof useChat>['chatMessages'][number];

/**
 * The room's chat (LiveKit's chat messages, useChat) in the reader's
 * language. On a wide stage it is a column beside the video; on a phone a
 * sheet under the video that leaves the video above it (room.css).
 */
export function ClassroomChat({
  messages,
  send,
  sending,
  canSend,
  onClose,
}: {
  messages: ChatMessage[];
  send: (text: string) => Promise<unknown>;
  sending: boolean;
  /** false: this participant may read but not write (LiveKit refuses their data messages). */
  canSend: boolean;
  onClose: () => void;
}) {
  const { t, formatTime } = useText();
  const list = useRef<HTMLOListElement>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    list.current?.scrollTo({ top: list.current.scrollHeight });
  }, [messages.length]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const text = input.current?.value.trim();
    if (!text) return;
    await send(text);
    if (input.current) input.current.value = '';
  }

  return (
    <section className="classroom-chat" aria-labelledby="chat-title" data-testid="chat">
      <header className="classroom-chat-header">
        <h2 id="chat-title">{t('room.chat')}</h2>
        <button type="button" className="lk-button" onClick={onClose} aria-label={t('roomBar.closeChat')} data-testid="chat-close">
          <X aria-hidden />
        </button>
      </header>
      <ol ref={list} className="classroom-chat-messages" aria-live="polite">
        {messages.length === 0 && <li className="classroom-chat-empty">{t('roomBar.noMessages')}</li>}
        {messages.map((m) => (
          <li key={m.id ?? m.timestamp} data-testid="chat-message">
            <span className="classroom-chat-meta">
              <strong>{m.from?.name || m.from?.identity}</strong> <time dateTime={new Date(m.timestamp).toISOString()}>{formatTime(new Date(m.timestamp))}</time>
            </span>
            <span dir="auto">{m.message}</span>
          </li>
        ))}
      </ol>
      <form className="classroom-chat-form" onSubmit={submit}>
        <label htmlFor="chat-input" className="sr-only">
          {t('roomBar.messageLabel')}
        </label>
        <input
          id="chat-input"
          ref={input}
          className="lk-form-control"
          type="text"
          dir="auto"
          maxLength={1000}
          placeholder={t('roomBar.messagePlaceholder')}
          disabled={sending || !canSend}
          autoComplete="off"
          // LiveKit's layout listens for keys; typing here must not reach it.
          onKeyDown={(e) => e.stopPropagation()}
          data-testid="chat-input"
        />
        <button type="submit" className="lk-button lk-chat-form-button" disabled={sending || !canSend} data-testid="chat-send">
          {t('roomBar.send')}
        </button>
      </form>
    </section>
  );
}
