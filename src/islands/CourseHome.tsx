/**
 * The lessons with the learner's state in each (not started / in progress / completed, with
 * score) and a Resume button that goes back to where they were.
 */
import { formatDuration } from '../tracking/activeTime.ts';
import type { CourseOutline } from '../tracking/outline.ts';
import { lessonStatus, type LessonStatus } from '../tracking/status.ts';
import { useCourseStore } from './useCourseStore.ts';

const STATE_TAG: Record<LessonStatus['state'], string> = {
  'not-started': 'nhsuk-tag--grey',
  'in-progress': 'nhsuk-tag--blue',
  completed: 'nhsuk-tag--green',
};

const STATE_LABEL: Record<LessonStatus['state'], string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  completed: 'Completed',
};

export default function CourseHome({ outline, root, minutes }: { outline: CourseOutline; root: string; minutes: number }) {
  const { snapshot } = useCourseStore();
  const progress = snapshot?.progress;
  const statuses = progress ? outline.lessons.map((l) => lessonStatus(l, progress)) : [];
  const completed = statuses.filter((s) => s.state === 'completed').length;
  const seconds = progress ? Object.values(progress.lessons).reduce((n, l) => n + (l.seconds ?? 0), 0) : 0;
  const bookmark = progress?.bookmark?.split('/');
  const resumeLesson = bookmark ? outline.lessons.find((l) => l.id === bookmark[0]) : undefined;
  const resumeHref = resumeLesson ? `${root}${resumeLesson.href}${bookmark?.[1] ? `#${bookmark[1]}` : ''}` : undefined;

  return (
    <div>
      {resumeLesson && resumeHref && (
        <div class="nhsuk-inset-text">
          <span class="nhsuk-u-visually-hidden">Information: </span>
          <p>
            You were last in <strong>{resumeLesson.title}</strong>.
          </p>
          <a class="nhsuk-button nhsuk-u-margin-bottom-0" href={resumeHref} data-testid="resume">
            Resume
          </a>
        </div>
      )}
      <section class="bs-section bs-course-progress" aria-labelledby="course-progress-title" data-testid="course-progress">
        <h2 class="nhsuk-heading-m" id="course-progress-title">
          Your progress
        </h2>
        <p>
          {progress ? (
            <>
              You have completed <strong>{completed} of {outline.lessons.length}</strong> lessons
              {seconds > 0 ? `, with ${formatDuration(seconds)} of active learning` : ''}.{' '}
              {completed === outline.lessons.length ? 'You have finished the course.' : `The whole course takes about ${minutes} minutes.`}
            </>
          ) : (
            'Checking your progress…'
          )}
        </p>
        {progress && (
          <div class="bs-bar" aria-hidden="true">
            <div class="bs-bar__fill" style={{ width: `${(completed / outline.lessons.length) * 100}%` }} />
          </div>
        )}
        <ul class="nhsuk-list">
          <li>
            <a href={`${root}record.html`}>Your CPD record</a>: your lessons, scores, time and reflections, to print or download
          </li>
          <li>
            <a href={`${root}certificate.html`}>Your certificate of completion</a>
          </li>
        </ul>
      </section>
      <h2 class="nhsuk-heading-l">Lessons</h2>
      <ol class="bs-lesson-list">
        {outline.lessons.map((lesson) => {
          const status = progress ? lessonStatus(lesson, progress) : undefined;
          return (
            <li class="bs-section bs-lesson-card" key={lesson.id} data-lesson={lesson.id}>
              <h3 class="nhsuk-heading-m nhsuk-u-margin-bottom-2">
                <a href={`${root}${lesson.href}`}>{lesson.title}</a>
              </h3>
              <p class="bs-meta">
                About {lesson.minutes} minutes · {lesson.dialogues.length} {lesson.dialogues.length === 1 ? 'conversation' : 'conversations'} ·
                knowledge check of {lesson.questions} questions
              </p>
              <p data-testid="lesson-status">
                {!status ? (
                  <strong class="nhsuk-tag nhsuk-tag--white">Checking your progress</strong>
                ) : (
                  <>
                    <strong class={`nhsuk-tag ${STATE_TAG[status.state]}`}>{STATE_LABEL[status.state]}</strong>
                    {status.state !== 'not-started' && (
                      <span class="bs-small">
                        {' '}
                        {status.dialoguesDone} of {status.dialoguesTotal} conversations finished;{' '}
                        {status.quizSubmitted
                          ? `knowledge check score ${status.score}% (${status.passed ? 'passed' : 'below the pass mark'})`
                          : 'knowledge check not yet taken'}
                      </span>
                    )}
                  </>
                )}
              </p>
            </li>
          );
        })}
      </ol>
      {snapshot && (
        <p class="bs-small">
          {snapshot.kind === 'platform'
            ? 'Your progress is recorded by your learning platform.'
            : 'Your progress is kept in this browser on this computer. Nothing is sent anywhere.'}
        </p>
      )}
    </div>
  );
}
