/**
 * Tells the learner, at the top of every page, anything about their saved progress they need
 * to know: that it could not be read, that the course changed since it was saved (with the
 * author's notes), that it is open in another tab, that the platform did not start, or that a
 * save failed.
 * (A failed save is also shown beside the dialogue controls, where it is announced.)
 */
import { useCourseStore } from './useCourseStore.ts';

export default function ProgressNotice() {
  const { snapshot } = useCourseStore();
  const notice = snapshot?.notice;
  return (
    <div class="bs-progress-notice" role={notice?.tone === 'info' ? 'status' : undefined} data-testid="progress-notice">
      {notice && (
        <div class={`bs-notice bs-notice--${notice.tone}`}>
          <p>{notice.text}</p>
          {notice.list && (
            <details class="nhsuk-details nhsuk-u-margin-bottom-0">
              <summary class="nhsuk-details__summary">
                <span class="nhsuk-details__summary-text">What changed</span>
              </summary>
              <ul class="nhsuk-details__text">
                {notice.list.map((n) => (
                  <li>{n}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </div>
  );
}
