/**
 * The CPD record: for this learner, the lessons in this launch's scope with their active time,
 * score, outcomes met and reflections (editable here), ready to print on A4, to download as a
 * text file, and to back up, restore or forget. Built in the browser from saved progress;
 * nothing leaves the browser unless the learner asks (the consent box, or a file they save).
 */
import { useEffect, useState } from 'preact/hooks';
import { formatDuration } from '../tracking/activeTime.ts';
import { readBackup, writeBackup, type Backup } from '../tracking/backup.ts';
import { dayNumber } from '../tracking/courseStore.ts';
import { forgetEverything, onLocalChange, readLearner, readReflections, writeLearner, writeReflections, type Reflections, learnerOf } from '../tracking/learnerLocal.ts';
import type { CourseOutline } from '../tracking/outline.ts';
import { buildRecord, displayName, formatDay, isoDay, outcomesWords, PROVIDER, recordText, scoreWords, STATE_WORDS } from '../tracking/record.ts';
import Reflection from './Reflection.tsx';
import ShareConsent from './ShareConsent.tsx';
import { useCourseStore } from './useCourseStore.ts';

interface Props {
  outline: CourseOutline;
  outcomes: Record<string, string[]>;
}

function download(fileName: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

type Panel =
  | { kind: 'none' }
  | { kind: 'restore'; backup: Backup; fileName: string }
  | { kind: 'forget' }
  | { kind: 'message'; tone: 'info' | 'warning'; text: string };

export default function CpdRecord({ outline, outcomes }: Props) {
  const { store, snapshot, failed } = useCourseStore();
  const [name, setName] = useState('');
  const [reflections, setReflections] = useState<Reflections>({});
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const learner = store && learnerOf(store);

  useEffect(() => {
    if (learner === undefined) return undefined;
    setReflections(readReflections(learner));
    return onLocalChange(() => setReflections(readReflections(learner)));
  }, [learner]);
  useEffect(() => {
    if (snapshot && learner !== undefined) setName((current) => current || readLearner(learner).name || displayName(snapshot.learnerName));
  }, [snapshot?.learnerName, learner]);

  if (failed) return <p class="bs-notice bs-notice--warning">Your progress could not be read in this browser, so the record cannot be made. Reload the page to try again.</p>;
  if (!store || !snapshot) return <p data-testid="record-loading">Gathering your record…</p>;

  const today = dayNumber(new Date());
  const record = buildRecord({ outline, lessons: store.scoped.lessons, progress: snapshot.progress, reflections, outcomes, name, date: today });
  const fileStem = `beyond-stigma-${isoDay(today)}`;

  const changeName = (value: string) => {
    setName(value);
    writeLearner(learnerOf(store!), { name: value });
  };

  const chooseBackup = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const read = readBackup(await file.text(), outline.courseId);
    setPanel(read.ok ? { kind: 'restore', backup: read.backup, fileName: file.name } : { kind: 'message', tone: 'warning', text: `Nothing was restored. ${read.problem}` });
  };

  const restore = (backup: Backup) => {
    writeReflections(learnerOf(store), { ...readReflections(learnerOf(store)), ...backup.reflections });
    if (backup.name) changeName(backup.name);
    const progressRestored = backup.progress && snapshot.kind === 'browser' ? store.replace(backup.progress) : false;
    setReflections(readReflections(learnerOf(store)));
    setPanel({
      kind: 'message',
      tone: 'info',
      text: `Restored from your backup of ${formatDay(dayNumber(new Date(backup.made)))}: ${Object.keys(backup.reflections).length} lessons' reflections${
        progressRestored ? ' and your progress' : snapshot.kind === 'platform' ? ' (your progress is kept by your learning platform, so it was not changed)' : ''
      }.`,
    });
  };

  const forget = () => {
    store.replace();
    const removed = forgetEverything(learner);
    setName('');
    setReflections({});
    setPanel({
      kind: 'message',
      tone: 'info',
      text: `Done: this browser no longer holds your progress, reflections or name from this course (${removed} ${removed === 1 ? 'item' : 'items'} removed).${
        snapshot.kind === 'platform' ? ' Your learning platform keeps its own record of your progress and of any reflections you shared.' : ''
      } If other people use this computer, close this browser window now.`,
    });
  };

  return (
    <div class="bs-record" data-testid="record">
      <div class="nhsuk-form-group bs-no-print">
        <label class="nhsuk-label nhsuk-label--s" for="bs-record-name">
          Your name, as you want it on the record
        </label>
        <div class="nhsuk-hint" id="bs-record-name-hint">
          Kept in this browser only{snapshot.kind === 'platform' ? '; filled in from your learning platform, which you can change here' : ''}.
        </div>
        <input class="bs-input" id="bs-record-name" type="text" autocomplete="name" aria-describedby="bs-record-name-hint" value={name} onInput={(e) => changeName((e.target as HTMLInputElement).value)} />
      </div>

      <dl class="nhsuk-summary-list bs-record-summary">
        {[
          ['Name', record.name || 'Not given'],
          ['Date of this record', formatDay(record.date)],
          ['Course', `${record.courseTitle}, content version ${record.contentVersion}`],
          ['Lessons completed', `${record.completed} of ${record.lessons.length}`],
          ['Active learning time, all lessons', formatDuration(record.totalSeconds)],
        ].map(([k, v]) => (
          <div class="nhsuk-summary-list__row" key={k}>
            <dt class="nhsuk-summary-list__key">{k}</dt>
            <dd class="nhsuk-summary-list__value" data-testid={`record-${k!.toLowerCase().replace(/\s+/g, '-')}`}>
              {v}
            </dd>
          </div>
        ))}
      </dl>
      <p class="bs-small">{PROVIDER}</p>
      <p class="bs-small">Active time counts only while a lesson was on screen and in use: reading without touching anything for more than three minutes, or another tab or window in front, stops the count.</p>

      <div class="bs-record-actions bs-no-print">
        <button type="button" class="nhsuk-button nhsuk-button--secondary" onClick={() => window.print()}>
          Print or save as PDF
        </button>{' '}
        <button type="button" class="nhsuk-button nhsuk-button--secondary" onClick={() => download(`${fileStem}-cpd-record.txt`, 'text/plain;charset=utf-8', recordText(record))}>
          Download the record (text file)
        </button>
        <p>
          <a href="certificate.html">Your certificate of completion</a>
        </p>
      </div>

      {record.lessons.map((l) => (
        <section class="bs-section bs-record-lesson" key={l.lesson.id} data-record-lesson={l.lesson.id} aria-labelledby={`record-${l.lesson.id}`}>
          <h2 class="nhsuk-heading-l" id={`record-${l.lesson.id}`}>
            {l.lesson.title}
          </h2>
          <dl class="nhsuk-summary-list">
            {[
              ['Status', `${STATE_WORDS[l.status.state]}${l.completedOn ? ` on ${formatDay(l.completedOn)}` : ''}`, 'status'],
              ['Active time', formatDuration(l.seconds), 'time'],
              ['Designed to take', `About ${l.lesson.minutes} minutes`, 'designed'],
              ['Conversations finished', `${l.status.dialoguesDone} of ${l.status.dialoguesTotal}`, 'conversations'],
              ['Knowledge check', scoreWords(l), 'score'],
            ].map(([k, v, id]) => (
              <div class="nhsuk-summary-list__row" key={id}>
                <dt class="nhsuk-summary-list__key">{k}</dt>
                <dd class="nhsuk-summary-list__value" data-testid={`lesson-${id}`}>
                  {v}
                </dd>
              </div>
            ))}
          </dl>
          <h3 class="nhsuk-heading-s">Learning outcomes</h3>
          {outcomesWords(l) ? (
            <>
              <p>{outcomesWords(l)}:</p>
              <ul class="nhsuk-list nhsuk-list--bullet" data-testid="outcomes-met">
                {l.outcomes.map((o) => (
                  <li key={o}>{o}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>Not yet met: the lesson is {l.status.state === 'in-progress' ? 'in progress' : 'not started'}.</p>
          )}
          <h3 class="nhsuk-heading-s">Reflection</h3>
          <Reflection lessonId={l.lesson.id} headingLevel={4} />
        </section>
      ))}

      <ShareConsent />

      <section class="bs-section bs-no-print" aria-labelledby="keep-title">
        <h2 class="nhsuk-heading-l" id="keep-title">
          Keep, move or remove your work
        </h2>
        <p>
          Your reflections{snapshot.kind === 'browser' ? ', progress' : ''} and name are kept in this browser on this computer
          {snapshot.kind === 'platform' ? ' (and your reflections on your learning platform too, if you chose to share them)' : ''}. A
          backup file holds them all, so you can restore them in another browser or on another computer.
        </p>
        <button type="button" class="nhsuk-button nhsuk-button--secondary" onClick={() =>
          download(`${fileStem}-backup.json`, 'application/json', writeBackup({
            courseId: outline.courseId,
            contentVersion: outline.contentVersion,
            made: new Date().toISOString(),
            name,
            reflections: readReflections(learnerOf(store)),
            progress: snapshot.kind === 'browser' ? snapshot.progress : undefined,
          }))
        }>
          Back up to a file
        </button>
        <div class="nhsuk-form-group">
          <label class="nhsuk-label nhsuk-label--s" for="bs-restore">
            Restore from a backup file
          </label>
          <div class="nhsuk-hint" id="bs-restore-hint">
            Choose a file you saved with "Back up to a file". You will see what it holds before anything changes.
          </div>
          <input class="bs-file" id="bs-restore" type="file" accept=".json,application/json" aria-describedby="bs-restore-hint" onChange={(e) => void chooseBackup(e.target as HTMLInputElement)} />
        </div>
        <h3 class="nhsuk-heading-s">On a shared computer</h3>
        <p>"Forget me" removes everything this course has kept in this browser. Back up first if you want to keep your reflections.</p>
        <button type="button" class="nhsuk-button nhsuk-button--warning" onClick={() => setPanel({ kind: 'forget' })}>
          Forget me on this computer
        </button>
        <Confirmation panel={panel} setPanel={setPanel} restore={restore} forget={forget} platform={snapshot.kind === 'platform'} />
      </section>
    </div>
  );
}

function Confirmation({ panel, setPanel, restore, forget, platform }: {
  panel: Panel;
  setPanel: (p: Panel) => void;
  restore: (b: Backup) => void;
  forget: () => void;
  platform: boolean;
}) {
  const cancel = () => setPanel({ kind: 'none' });
  return (
    <div class="bs-record-panel" role="status" data-testid="record-panel">
      {panel.kind === 'message' && <p class={`bs-notice bs-notice--${panel.tone}`}>{panel.text}</p>}
      {panel.kind === 'restore' && (
        <div class="nhsuk-inset-text">
          <p>
            "{panel.fileName}" is a backup made on {formatDay(dayNumber(new Date(panel.backup.made)))} (content version {panel.backup.contentVersion}). It holds reflections for{' '}
            {Object.keys(panel.backup.reflections).length} lessons
            {panel.backup.progress ? (platform ? '; its progress is not used, because your learning platform keeps your progress' : ' and your progress in the course') : ''}. Restoring replaces
            what this browser holds for those lessons.
          </p>
          <button type="button" class="nhsuk-button nhsuk-u-margin-bottom-2" onClick={() => restore(panel.backup)}>
            Restore this backup
          </button>{' '}
          <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-2" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
      {panel.kind === 'forget' && (
        <div class="nhsuk-inset-text">
          <p>
            This removes from this browser your reflections, your name{platform ? '' : ', your progress'} and any copies of progress kept after a failed save. It cannot be undone.
            {platform ? ' Your learning platform keeps its own record of your progress and of any reflections you shared.' : ''}
          </p>
          <button type="button" class="nhsuk-button nhsuk-button--warning nhsuk-u-margin-bottom-2" onClick={forget}>
            Yes, forget me
          </button>{' '}
          <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-2" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
