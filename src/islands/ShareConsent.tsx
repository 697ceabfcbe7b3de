/**
 * The consent box: the learner's reflections reach the learning platform (1.2 `cmi.comments`,
 * 2004 `cmi.comments_from_learner`) only while this is ticked, and the words beside it say
 * exactly what goes and who may read it. Shown only when a platform is recording the course.
 */
import { COMMENTS } from '../../scorm/runtime/cmiPaths.ts';
import { useCourseStore } from './useCourseStore.ts';
import { useSharing } from './useSharing.ts';

const clock = (d: Date) => d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

export default function ShareConsent() {
  const { store, snapshot } = useCourseStore();
  const { sharing, state } = useSharing(store);
  if (!store || !snapshot || !sharing || !state) return null;
  if (!state.available) {
    return <p class="bs-small bs-no-print">There is no learning platform here, so your reflections are not sent anywhere.</p>;
  }
  const lessons = store.scoped.lessons;
  const which = lessons.length === 1 ? `the "${lessons[0]!.title}" lesson` : 'every lesson in this course';
  const id = 'bs-share-consent';
  const limit = COMMENTS[store.connection.session.version];
  const kept = `${limit.limit.toLocaleString('en-GB')} characters ${limit.kind === 'list' ? "of each lesson's reflection" : 'in all'}`;
  return (
    <div class="nhsuk-form-group bs-share bs-no-print" data-testid="share-consent">
      <div class="nhsuk-checkboxes">
        <div class="nhsuk-checkboxes__item">
          <input
            class="nhsuk-checkboxes__input"
            id={id}
            type="checkbox"
            checked={state.consent}
            aria-describedby={`${id}-hint`}
            onChange={(e) => sharing.setConsent((e.target as HTMLInputElement).checked)}
          />
          <label class="nhsuk-label nhsuk-checkboxes__label" for={id}>
            Share my reflections with my learning platform
          </label>
          <div class="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-hint`}>
            If you tick this, what you write under the four headings for {which} is sent to your learning platform as your
            comments on the course, headed with the course and lesson titles. People who can see your record there (usually
            the platform's administrators, and perhaps your manager, tutor or appraiser) may read it. The platform keeps up to {kept}; the
            full text stays here. Nothing else you type is sent, and nothing is sent while this
            is not ticked. Unticking stops further sending; what was already sent stays on the platform until your
            organisation removes it.
          </div>
        </div>
      </div>
      <p class="bs-small" role="status" data-testid="share-status">
        {state.consent && state.shared
          ? state.shared.ok
            ? `Shared with your learning platform at ${clock(state.shared.at)}.`
            : 'Your learning platform did not accept your reflection. It is still saved in this browser; we will try again when you next leave a box.'
          : ''}
      </p>
    </div>
  );
}
