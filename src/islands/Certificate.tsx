/**
 * A one-page certificate of completion, for a manager or an induction file: the learner's
 * name, the lessons completed (in this launch's scope) with their dates, active time and the
 * content version. Built in the browser from saved progress, like the CPD record.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatDuration } from '../tracking/activeTime.ts';
import { dayNumber } from '../tracking/courseStore.ts';
import { readLearner, learnerOf } from '../tracking/learnerLocal.ts';
import type { CourseOutline } from '../tracking/outline.ts';
import { buildRecord, displayName, formatDay, PROVIDER } from '../tracking/record.ts';
import { useCourseStore } from './useCourseStore.ts';

export default function Certificate({ outline }: { outline: CourseOutline }) {
  const { store, snapshot, failed } = useCourseStore();
  const [name, setName] = useState('');
  useEffect(() => {
    if (snapshot && store) setName(readLearner(learnerOf(store)).name || displayName(snapshot.learnerName));
  }, [snapshot?.learnerName]);

  if (failed) return <p class="bs-notice bs-notice--warning">Your progress could not be read in this browser. Reload the page to try again.</p>;
  if (!store || !snapshot) return <p>Checking your progress…</p>;
  const record = buildRecord({ outline, lessons: store.scoped.lessons, progress: snapshot.progress, reflections: {}, outcomes: {}, name, date: dayNumber(new Date()) });
  const done = record.lessons.filter((l) => l.status.state === 'completed');
  const all = done.length === record.lessons.length;

  return (
    <div data-testid="certificate">
      {!record.name && (
        <p class="bs-notice bs-notice--info bs-no-print">
          Add your name on your <a href="record.html">CPD record</a> and it will appear on this certificate.
        </p>
      )}
      {done.length === 0 ? (
        <p class="bs-notice bs-notice--info">
          You have not completed a lesson yet. A lesson is complete when you have finished each of its conversations and
          taken its knowledge check. Your certificate will be ready here when you have.
        </p>
      ) : (
        <div class="bs-certificate">
          <p class="nhsuk-heading-l">Certificate of completion</p>
          <p>This is to record that</p>
          <p class="bs-certificate__name" data-testid="certificate-name">
            {record.name || '(name not given)'}
          </p>
          <p>
            has completed {all ? (record.lessons.length === 1 ? 'the lesson' : 'every lesson of') : `${done.length} of the ${record.lessons.length} lessons of`}{' '}
            <strong>{outline.title}</strong>: substance use and stigma, a course for UK health staff
          </p>
          <ul data-testid="certificate-lessons">
            {done.map((l) => (
              <li key={l.lesson.id}>
                <strong>{l.lesson.title}</strong>
                <br />
                completed {formatDay(l.completedOn)}; knowledge check {l.status.score}% at the first attempt (pass mark{' '}
                {l.lesson.passMark}%: {l.status.passed ? 'passed' : 'not reached'})
              </li>
            ))}
          </ul>
          <p>Active learning time in these lessons: {formatDuration(done.reduce((n, l) => n + l.seconds, 0))}</p>
          <p class="bs-small">
            Content version {outline.contentVersion}. Certificate made on {formatDay(record.date)} from the learner's own saved progress.
          </p>
          <p class="bs-small">{PROVIDER}</p>
        </div>
      )}
      {done.length > 0 && (
        <button type="button" class="nhsuk-button bs-no-print" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      )}
    </div>
  );
}
