/**
 * The reflection, under the four headings GPs use for appraisal. Kept in this browser (keyed
 * by course and lesson, not by platform attempt, see src/tracking/learnerLocal.ts); sent to the
 * learning platform only if the learner ticks the consent box, which says exactly what goes.
 * Used on the lesson page and, for every lesson, on the CPD record (where it can be edited).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { HEADINGS, onLocalChange, readReflections, REFLECTION_KEY, writeReflection, type ReflectionEntry, learnerOf } from '../tracking/learnerLocal.ts';
import ShareConsent from './ShareConsent.tsx';
import { useCourseStore } from './useCourseStore.ts';
import { useSharing } from './useSharing.ts';

export { HEADINGS, REFLECTION_KEY };

const clock = () => new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

interface Props {
  lessonId: string;
  /** On the lesson page: the link to the CPD record and the consent box, which the record shows once for all lessons. */
  recordHref?: string;
  headingLevel?: 3 | 4;
}

export default function Reflection({ lessonId, recordHref, headingLevel = 3 }: Props) {
  const { store } = useCourseStore();
  const { sharing } = useSharing(store);
  const [entry, setEntry] = useState<ReflectionEntry>({});
  const [status, setStatus] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const editing = useRef(false);
  // The latest text, for a blur that comes before the re-render after the last keystroke.
  const latest = useRef<ReflectionEntry>({});
  const show = (next: ReflectionEntry) => {
    latest.current = next;
    setEntry(next);
  };

  // Reflections are kept per learner (see learnerLocal.ts), so they are read once the store
  // says who is learning. A restore, or the same reflection edited in another tab, shows here
  // at once (unless the learner is typing in this one).
  const learner = store && learnerOf(store);
  // Whose saved reflection the boxes hold: they stay disabled until it has been read, so
  // nothing typed before then is replaced by it.
  const [loadedFor, setLoadedFor] = useState<string>();
  useEffect(() => {
    if (learner === undefined) return undefined;
    show(readReflections(learner)[lessonId] ?? {});
    setLoadedFor(learner);
    return onLocalChange(() => {
      if (!editing.current) show(readReflections(learner)[lessonId] ?? {});
    });
  }, [learner]);

  const save = (next: ReflectionEntry) => {
    clearTimeout(timer.current);
    if (learner !== undefined && writeReflection(learner, lessonId, next)) {
      setStatus(`Saved in this browser at ${clock()}.`);
      sharing?.changed();
    } else {
      setStatus('This browser would not save your reflection. Copy it somewhere safe before you leave.');
    }
  };

  const update = (id: string, value: string) => {
    const next = { ...latest.current, [id]: value };
    show(next);
    editing.current = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      editing.current = false;
      save(next);
    }, 400);
  };

  const leave = () => {
    editing.current = false;
    save(latest.current);
    // Leaving a field is when a reflection is shared, if the learner agreed: not every keystroke.
    sharing?.share();
  };

  const Heading = `h${headingLevel}` as 'h3' | 'h4';
  return (
    <div class="bs-reflection" data-reflection={lessonId}>
      <div class="nhsuk-warning-callout bs-no-print">
        <Heading class="nhsuk-warning-callout__label">
          <span class="nhsuk-u-visually-hidden">Important: </span>Keep it anonymous
        </Heading>
        <p>Do not write anything that could identify a patient or a colleague.</p>
      </div>
      {recordHref && (
        <p class="bs-no-print">
          Write under the four headings GPs use for appraisal. Your reflection is kept in this browser and appears on your{' '}
          <a href={recordHref}>CPD record</a>, where you can edit, print or download it.
        </p>
      )}
      {HEADINGS.map((h) => (
        <div class="nhsuk-form-group" key={h.id}>
          <label class="nhsuk-label nhsuk-label--s" for={`${lessonId}-reflect-${h.id}`}>
            {h.label}
          </label>
          <textarea
            class="nhsuk-textarea bs-no-print"
            id={`${lessonId}-reflect-${h.id}`}
            name={h.id}
            rows={4}
            value={entry[h.id] ?? ''}
            // Until the store says who is learning and their saved reflection has been read,
            // the box waits (a fraction of a second) rather than take words it would lose.
            disabled={learner === undefined || loadedFor !== learner}
            onInput={(e) => update(h.id, (e.target as HTMLTextAreaElement).value)}
            // Chrome scrolls only a text box's caret line into view on focus; show the whole box.
            onFocus={(e) => (e.target as HTMLElement).scrollIntoView({ block: 'nearest' })}
            onBlur={leave}
          />
          <p class="bs-print-only bs-reflection-print">{entry[h.id]?.trim() || 'Nothing written.'}</p>
        </div>
      ))}
      <p class="bs-small bs-reflection-status bs-no-print" role="status">
        {status}
      </p>
      {recordHref && <ShareConsent />}
    </div>
  );
}
