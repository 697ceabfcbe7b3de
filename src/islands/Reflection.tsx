/**
 * The reflection, under the four headings GPs use for appraisal. Kept in this browser only
 * (keyed by course and lesson, not by platform attempt); never sent anywhere.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

export const REFLECTION_KEY = 'beyond-stigma:reflections:v1';

export const HEADINGS = [
  { id: 'learned', label: 'What I learned' },
  { id: 'applies', label: 'How it applies to my practice' },
  { id: 'change', label: 'What I will change' },
  { id: 'further', label: 'Further learning' },
] as const;

type Entry = Partial<Record<(typeof HEADINGS)[number]['id'], string>>;

function readAll(): Record<string, Entry> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(REFLECTION_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, Entry>) : {};
  } catch {
    return {};
  }
}

export default function Reflection({ lessonId }: { lessonId: string }) {
  const [entry, setEntry] = useState<Entry>({});
  const [status, setStatus] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    setEntry(readAll()[lessonId] ?? {});
  }, []);

  const save = (next: Entry) => {
    try {
      localStorage.setItem(REFLECTION_KEY, JSON.stringify({ ...readAll(), [lessonId]: next }));
      setStatus(`Saved in this browser at ${new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}.`);
    } catch {
      setStatus('This browser would not save your reflection. Copy it somewhere safe before you leave.');
    }
  };

  const update = (id: string, value: string) => {
    const next = { ...entry, [id]: value };
    setEntry(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => save(next), 400);
  };

  return (
    <div class="bs-reflection">
      <div class="nhsuk-warning-callout">
        <h3 class="nhsuk-warning-callout__label">
          <span class="nhsuk-u-visually-hidden">Important: </span>Keep it anonymous
        </h3>
        <p>Do not write anything that could identify a patient or a colleague.</p>
      </div>
      <p>Write under the four headings GPs use for appraisal. Your reflection stays in this browser; it is not sent to your learning platform.</p>
      {HEADINGS.map((h) => (
        <div class="nhsuk-form-group" key={h.id}>
          <label class="nhsuk-label nhsuk-label--s" for={`${lessonId}-reflect-${h.id}`}>
            {h.label}
          </label>
          <textarea
            class="nhsuk-textarea"
            id={`${lessonId}-reflect-${h.id}`}
            name={h.id}
            rows={4}
            value={entry[h.id] ?? ''}
            onInput={(e) => update(h.id, (e.target as HTMLTextAreaElement).value)}
            onBlur={() => save(entry)}
          />
        </div>
      ))}
      <p class="bs-small bs-reflection-status" role="status">
        {status}
      </p>
    </div>
  );
}
