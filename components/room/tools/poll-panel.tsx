'use client';

import { useMutation } from '@tanstack/react-query';
import { Plus, X } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import { PollResults, type PollView } from '@/components/polls/poll-results';
import { useText } from '@/components/i18n/use-text';
import { useTRPC } from '@/components/trpc-provider';
import { Button } from '@/components/ui/button';
import { Check, Field, Input } from '@/components/ui/field';
import { ErrorText } from '@/components/ui/notice';
import { MAX_OPTIONS, MIN_OPTIONS } from '@/shared/polls/tally';

/**
 * The room's poll: the teacher asks (2–6 answers, or yes/no), watches the
 * counts and who answered what, closes it and shows the results; a student
 * answers once and may change the answer until it is closed.
 */
export function PollPanel({ sessionId, canManage, isStudent, current, refresh }: { sessionId: number; canManage: boolean; isStudent: boolean; current: PollView | null; refresh(): void }) {
  const { t } = useText();
  const trpc = useTRPC();
  const onSuccess = { onSuccess: refresh };
  const answer = useMutation(trpc.poll.answer.mutationOptions(onSuccess));
  const close = useMutation(trpc.poll.close.mutationOptions(onSuccess));
  const show = useMutation(trpc.poll.showResults.mutationOptions(onSuccess));
  const error = answer.error ?? close.error ?? show.error;
  // The student's pick shows at once (a radio that springs back until the server answers looks broken);
  // the stored answer takes over when it arrives, and a refused one puts the old choice back.
  const [picked, setPicked] = useState<{ pollId: number; choice: number } | null>(null);
  const storedChoice = current?.myChoice ?? null;
  useEffect(() => {
    if (picked && (picked.pollId !== current?.id || picked.choice === storedChoice)) setPicked(null);
  }, [picked, current?.id, storedChoice]);
  const myChoice = picked && picked.pollId === current?.id ? picked.choice : storedChoice;
  const choose = (pollId: number, choice: number) => {
    setPicked({ pollId, choice });
    answer.mutate({ sessionId, pollId, choice }, { onError: () => setPicked(null) });
  };
  return (
    <section className="tool-panel px-3 py-2" aria-labelledby="poll-title" data-testid="poll-panel">
      <h2 id="poll-title" className="m-0 text-base">
        {t('poll.title')}
      </h2>
      {canManage && <AskPoll sessionId={sessionId} onAsked={refresh} />}
      {current && (
        <div className="mt-2 grid gap-2" data-testid={`poll-${current.id}`}>
          <h3 className="m-0 text-base" data-testid="poll-question">
            {current.question}
          </h3>
          {isStudent && current.open && (
            <fieldset className="grid gap-1" data-testid="poll-choices">
              <legend className="sr-only">{current.question}</legend>
              {current.options.map((option, i) => (
                <Check
                  key={i}
                  type="radio"
                  name={`poll-${current.id}`}
                  label={option}
                  checked={myChoice === i}
                  onChange={() => choose(current.id, i)}
                />
              ))}
            </fieldset>
          )}
          {isStudent && myChoice !== null && <p className="m-0 text-sm" data-testid="poll-my-answer">{t('poll.yourAnswer', { answer: current.options[myChoice] ?? '' })}</p>}
          {!current.open && <p className="m-0 text-sm text-muted">{t('poll.closed')}</p>}
          <PollResults poll={current} />
          {canManage && (
            <div className="flex flex-wrap gap-2">
              {current.open && (
                <Button size="sm" variant="secondary" onClick={() => close.mutate({ sessionId, pollId: current.id })} data-testid="poll-close">
                  {t('poll.close')}
                </Button>
              )}
              {!current.resultsShown && (
                <Button size="sm" onClick={() => show.mutate({ sessionId, pollId: current.id })} data-testid="poll-show">
                  {t('poll.showResults')}
                </Button>
              )}
              {current.resultsShown && <span className="text-sm text-muted">{t('poll.resultsShown')}</span>}
            </div>
          )}
        </div>
      )}
      {error && <ErrorText>{error.message}</ErrorText>}
    </section>
  );
}

function AskPoll({ sessionId, onAsked }: { sessionId: number; onAsked(): void }) {
  const { t } = useText();
  const trpc = useTRPC();
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState(['', '']);
  const ask = useMutation(
    trpc.poll.ask.mutationOptions({
      onSuccess: () => {
        setQuestion('');
        setOptions(['', '']);
        onAsked();
      },
    }),
  );
  const filled = options.map((o) => o.trim()).filter(Boolean);
  const valid = question.trim() !== '' && filled.length >= MIN_OPTIONS && filled.length === options.length && new Set(filled).size === filled.length;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (valid) ask.mutate({ sessionId, question: question.trim(), options: filled });
  };
  return (
    <form className="grid gap-2" onSubmit={submit} data-testid="poll-form">
      <Field label={t('poll.question')}>
        <Input value={question} maxLength={300} onChange={(e) => setQuestion(e.target.value)} data-testid="poll-question-input" />
      </Field>
      {options.map((o, i) => (
        <div key={i} className="flex items-end gap-2">
          <Field label={t('poll.answerN', { n: i + 1 })} className="flex-1">
            <Input value={o} maxLength={120} onChange={(e) => setOptions(options.map((x, j) => (j === i ? e.target.value : x)))} data-testid={`poll-option-${i}`} />
          </Field>
          {options.length > MIN_OPTIONS && (
            <Button size="sm" variant="ghost" aria-label={t('poll.removeAnswer', { n: i + 1 })} onClick={() => setOptions(options.filter((_, j) => j !== i))}>
              <X aria-hidden />
            </Button>
          )}
        </div>
      ))}
      <div className="flex flex-wrap gap-2">
        {options.length < MAX_OPTIONS && (
          <Button size="sm" variant="ghost" onClick={() => setOptions([...options, ''])} data-testid="poll-add-option">
            <Plus aria-hidden />
            {t('poll.addAnswer')}
          </Button>
        )}
        <Button size="sm" variant="ghost" onClick={() => setOptions([t('poll.yes'), t('poll.no')])} data-testid="poll-yes-no">
          {t('poll.yesNo')}
        </Button>
        <Button type="submit" size="sm" disabled={!valid || ask.isPending} data-testid="poll-ask">
          {t('poll.ask')}
        </Button>
      </div>
      {ask.error && <ErrorText>{ask.error.message}</ErrorText>}
    </form>
  );
}
