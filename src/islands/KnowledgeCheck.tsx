/**
 * The lesson's knowledge check: radio questions, one submit, then every answer explained with
 * its sources. The first attempt is the recorded score; a retake is for practice and the page
 * says so.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { QuizDefinition } from '../schemas/quiz.ts';
import { indexOf, letterOf } from '../engine/progress.ts';
import type { RefIndex } from './labels.ts';
import { Sources } from './Sources.tsx';
import { useCourseStore } from './useCourseStore.ts';

interface Props {
  lessonId: string;
  quiz: QuizDefinition;
  refs: RefIndex;
  part: { index: number; total: number };
}

export function scoreOf(quiz: QuizDefinition, letters: string): number {
  const right = quiz.questions.filter((q, i) => q.options[indexOf(letters[i] ?? '')]?.correct).length;
  return Math.round((right / quiz.questions.length) * 100);
}

export default function KnowledgeCheck({ lessonId, quiz, refs, part }: Props) {
  const { store, snapshot } = useCourseStore();
  const saved = snapshot?.progress.lessons[lessonId]?.quiz;
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [retaking, setRetaking] = useState(false);
  const [missing, setMissing] = useState<string[]>([]);
  const focus = useRef<string | null>(null);
  const root = useRef<HTMLElement>(null);
  const showResults = Boolean(saved) && !retaking;

  useEffect(() => {
    const id = focus.current;
    if (!id) return;
    focus.current = null;
    root.current?.querySelector<HTMLElement>(`#${id}`)?.focus();
  });

  const submit = (e: Event) => {
    e.preventDefault();
    const unanswered = quiz.questions.filter((q) => !answers[q.id]).map((q) => q.id);
    setMissing(unanswered);
    if (unanswered.length) {
      focus.current = `${lessonId}-check-errors`;
      return;
    }
    const letters = quiz.questions.map((q) => answers[q.id]!).join('');
    store?.setQuiz(lessonId, saved ? { ...saved, last: letters } : { first: letters, last: letters, score: scoreOf(quiz, letters) });
    setRetaking(false);
    focus.current = `${lessonId}-check-result`;
  };

  const retake = () => {
    setAnswers({});
    setMissing([]);
    setRetaking(true);
    focus.current = `${lessonId}-check-title`;
  };

  const passed = saved ? saved.score >= quiz.passMark : false;
  const lastScore = saved ? scoreOf(quiz, saved.last) : 0;

  return (
    <section class="check" id="knowledge-check" aria-labelledby={`${lessonId}-check-title`} ref={root}>
      <h2 id={`${lessonId}-check-title`} tabIndex={-1}>
        Knowledge check
      </h2>
      <p class="check__meta">
        Part {part.index} of {part.total} in this lesson · {quiz.questions.length} questions · pass mark {quiz.passMark}%
      </p>
      <p>Your first attempt is the score your record keeps. You can retake the check as often as you like to practise.</p>

      {showResults && saved && (
        <div class="check__results">
          <h3 id={`${lessonId}-check-result`} tabIndex={-1} class="check__result">
            Your recorded score: {saved.score}% ({passed ? 'passed' : `below the ${quiz.passMark}% pass mark`})
          </h3>
          {saved.last !== saved.first && <p>Your latest attempt scored {lastScore}%. It is for practice; the first attempt stays recorded.</p>}
          {!passed && <p>Read the explanations below, then retake the check to practise.</p>}
          <ol class="check__review">
            {quiz.questions.map((q, i) => {
              const chosen = q.options[indexOf(saved.last[i] ?? '')];
              const correct = q.options.find((o) => o.correct);
              const right = Boolean(chosen?.correct);
              return (
                <li key={q.id} class={`check__item check__item--${right ? 'right' : 'wrong'}`}>
                  <p class="check__prompt">{q.prompt}</p>
                  <p>
                    <strong>{right ? 'Correct.' : 'Not quite.'}</strong> You answered: “{chosen?.text ?? 'no answer'}”.
                    {!right && correct && <> The answer is: “{correct.text}”.</>}
                  </p>
                  <p>{q.explanation}</p>
                  <Sources ids={q.refs} refs={refs} />
                </li>
              );
            })}
          </ol>
          <button type="button" class="button button--secondary" onClick={retake}>
            Retake the knowledge check
          </button>
        </div>
      )}

      {!showResults && (
        <form class="check__form" onSubmit={submit} noValidate>
          {missing.length > 0 && (
            <div class="error-summary" id={`${lessonId}-check-errors`} tabIndex={-1} role="alert">
              <h3>Answer every question before you submit</h3>
              <ul>
                {missing.map((id) => {
                  const n = quiz.questions.findIndex((q) => q.id === id) + 1;
                  return (
                    <li key={id}>
                      <a href={`#${lessonId}-q-${id}`}>Question {n} has no answer</a>
                    </li>
                  );
                })}
              </ul>
            </div>
          )}
          {quiz.questions.map((q, i) => (
            <fieldset class={`question${missing.includes(q.id) ? ' question--error' : ''}`} key={q.id} id={`${lessonId}-q-${q.id}`}>
              <legend>
                <span class="question__number">Question {i + 1} of {quiz.questions.length}</span> {q.prompt}
              </legend>
              {missing.includes(q.id) && <p class="question__error">Choose an answer to question {i + 1}.</p>}
              {q.options.map((o, j) => {
                const id = `${lessonId}-q-${q.id}-${letterOf(j)}`;
                return (
                  <div class="radio" key={id}>
                    <input
                      type="radio"
                      id={id}
                      name={`${lessonId}-q-${q.id}`}
                      value={letterOf(j)}
                      checked={answers[q.id] === letterOf(j)}
                      onChange={() => setAnswers({ ...answers, [q.id]: letterOf(j) })}
                    />
                    <label for={id}>{o.text}</label>
                  </div>
                );
              })}
            </fieldset>
          ))}
          <button type="submit" class="button" disabled={!store}>
            Submit answers
          </button>
        </form>
      )}
    </section>
  );
}
