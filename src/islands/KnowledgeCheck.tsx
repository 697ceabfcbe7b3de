/**
 * The lesson's knowledge check: radio questions, one submit, then every answer explained with
 * its sources. The first attempt is the recorded score; a retake is for practice and the page
 * says so.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useFocusAfterRender } from './useFocusAfterRender.ts';
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
  const { root, focusAfterRender } = useFocusAfterRender<HTMLElement>();
  const showResults = Boolean(saved) && !retaking;


  const submit = (e: Event) => {
    e.preventDefault();
    const unanswered = quiz.questions.filter((q) => !answers[q.id]).map((q) => q.id);
    setMissing(unanswered);
    if (unanswered.length) {
      focusAfterRender(`#${lessonId}-check-errors`);
      return;
    }
    const letters = quiz.questions.map((q) => answers[q.id]!).join('');
    // The first attempt is the one the platform records, one interaction per question.
    if (!saved) {
      quiz.questions.forEach((q, i) => {
        const response = letters.charCodeAt(i) - 97;
        const correct = q.options.findIndex((o) => o.correct);
        store?.recordAnswer({ id: [lessonId, 'check', q.id], response, correct, result: response === correct ? 'correct' : 'wrong', description: q.prompt });
      });
    }
    store?.setQuiz(lessonId, saved ? { ...saved, last: letters } : { first: letters, last: letters, score: scoreOf(quiz, letters) });
    setRetaking(false);
    focusAfterRender(`#${lessonId}-check-result`);
  };

  const retake = () => {
    setAnswers({});
    setMissing([]);
    setRetaking(true);
    focusAfterRender(`#${lessonId}-check-title`);
  };

  const passed = saved ? saved.score >= quiz.passMark : false;
  const lastScore = saved ? scoreOf(quiz, saved.last) : 0;

  return (
    <section class="bs-section" id="knowledge-check" aria-labelledby={`${lessonId}-check-title`} ref={root}>
      <h2 id={`${lessonId}-check-title`} class="nhsuk-heading-l" tabIndex={-1}>
        Knowledge check
      </h2>
      <p class="bs-meta">
        Part {part.index} of {part.total} in this lesson · {quiz.questions.length} questions · pass mark {quiz.passMark}%
      </p>
      <p>Your first attempt is the score your record keeps. You can retake the check as often as you like to practise.</p>

      {showResults && saved && (
        <div>
          <h3 id={`${lessonId}-check-result`} tabIndex={-1} class="nhsuk-heading-m bs-check-result">
            Your recorded score: {saved.score}% ({passed ? 'passed' : `below the ${quiz.passMark}% pass mark`})
          </h3>
          {saved.last !== saved.first && <p>Your latest attempt scored {lastScore}%. It is for practice; the first attempt stays recorded.</p>}
          {!passed && <p>Read the explanations below, then retake the check to practise.</p>}
          <ol class="nhsuk-list nhsuk-list--number">
            {quiz.questions.map((q, i) => {
              const chosen = q.options[indexOf(saved.last[i] ?? '')];
              const correct = q.options.find((o) => o.correct);
              const right = Boolean(chosen?.correct);
              return (
                <li key={q.id} class="nhsuk-u-margin-bottom-5">
                  <p class="nhsuk-u-font-weight-bold nhsuk-u-margin-bottom-2">{q.prompt}</p>
                  <p class="nhsuk-u-margin-bottom-2">
                    <strong class={`nhsuk-tag ${right ? 'nhsuk-tag--green' : 'nhsuk-tag--red'}`}>{right ? 'Correct' : 'Not quite'}</strong> You answered: “
                    {chosen?.text ?? 'no answer'}”.
                    {!right && correct && <> The answer is: “{correct.text}”.</>}
                  </p>
                  <p class="nhsuk-u-margin-bottom-2">{q.explanation}</p>
                  <Sources ids={q.refs} refs={refs} />
                </li>
              );
            })}
          </ol>
          <button type="button" class="nhsuk-button nhsuk-button--secondary" onClick={retake}>
            Retake the knowledge check
          </button>
        </div>
      )}

      {!showResults && (
        <form onSubmit={submit} noValidate>
          {missing.length > 0 && (
            <div class="nhsuk-error-summary" id={`${lessonId}-check-errors`} aria-labelledby={`${lessonId}-check-errors-title`} tabIndex={-1} role="alert">
              <h3 class="nhsuk-error-summary__title" id={`${lessonId}-check-errors-title`}>
                There is a problem
              </h3>
              <div class="nhsuk-error-summary__body">
                <ul class="nhsuk-list nhsuk-error-summary__list">
                  {missing.map((id) => {
                    const n = quiz.questions.findIndex((q) => q.id === id) + 1;
                    return (
                      <li key={id}>
                        <a href={`#${lessonId}-q-${id}`}>Choose an answer to question {n}</a>
                      </li>
                    );
                  })}
                </ul>
              </div>
            </div>
          )}
          {quiz.questions.map((q, i) => {
            const error = missing.includes(q.id);
            return (
              <div class={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`} key={q.id}>
                <fieldset class="nhsuk-fieldset" id={`${lessonId}-q-${q.id}`} aria-describedby={error ? `${lessonId}-q-${q.id}-error` : undefined}>
                  <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                    <span class="bs-meta nhsuk-u-font-weight-normal">Question {i + 1} of {quiz.questions.length}</span>
                    <span class="nhsuk-u-display-block">{q.prompt}</span>
                  </legend>
                  {error && (
                    <span class="nhsuk-error-message" id={`${lessonId}-q-${q.id}-error`}>
                      <span class="nhsuk-u-visually-hidden">Error:</span> Choose an answer to question {i + 1}
                    </span>
                  )}
                  <div class="nhsuk-radios">
                    {q.options.map((o, j) => {
                      const id = `${lessonId}-q-${q.id}-${letterOf(j)}`;
                      return (
                        <div class="nhsuk-radios__item" key={id}>
                          <input
                            class="nhsuk-radios__input"
                            type="radio"
                            id={id}
                            name={`${lessonId}-q-${q.id}`}
                            value={letterOf(j)}
                            checked={answers[q.id] === letterOf(j)}
                            onChange={() => setAnswers({ ...answers, [q.id]: letterOf(j) })}
                          />
                          <label class="nhsuk-label nhsuk-radios__label" for={id}>
                            {o.text}
                          </label>
                        </div>
                      );
                    })}
                  </div>
                </fieldset>
              </div>
            );
          })}
          <button type="submit" class="nhsuk-button" disabled={!store}>
            Submit answers
          </button>
        </form>
      )}
    </section>
  );
}
