/**
 * Tells the learner, at the top of every page, anything about their saved progress they need
 * to know: that it could not be read, that the platform did not start, or that a save failed.
 * (A failed save is also shown beside the dialogue controls, where it is announced.)
 */
import { useCourseStore } from './useCourseStore.ts';

export default function ProgressNotice() {
  const { snapshot } = useCourseStore();
  const notice = snapshot?.notice;
  return (
    <div class="bs-progress-notice" role={notice?.tone === 'info' ? 'status' : undefined} data-testid="progress-notice">
      {notice && <p class={`bs-notice bs-notice--${notice.tone}`}>{notice.text}</p>}
    </div>
  );
}
