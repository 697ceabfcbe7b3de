/**
 * What the learner takes away, without a browser: the active-time rule, the CPD record and its
 * text file, backup files (strict reading), reflections kept locally, and learner comments as
 * each SCORM version receives them.
 */
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as scorm12 from 'scorm-again/scorm12';
import * as scorm2004 from 'scorm-again/scorm2004';
import type Scorm12ApiClass from 'scorm-again/scorm12';
import type Scorm2004ApiClass from 'scorm-again/scorm2004';
import { writeComments } from '../../scorm/runtime/comments.ts';
import { ScormSession } from '../../scorm/runtime/session.ts';
import { ActiveClock, formatDuration, IDLE_LIMIT_MS } from '../../src/tracking/activeTime.ts';
import { readBackup, writeBackup, type Backup } from '../../src/tracking/backup.ts';
import { dayNumber } from '../../src/tracking/courseStore.ts';
import { cleanReflections, courseKeys, forgetEverything, readReflections, writeReflection, REFLECTION_KEY } from '../../src/tracking/learnerLocal.ts';
import type { CourseOutline } from '../../src/tracking/outline.ts';
import { buildRecord, displayName, formatDay, isoDay, recordText } from '../../src/tracking/record.ts';
import { reflectionComment } from '../../src/tracking/sharing.ts';

const { Scorm12API } = scorm12 as unknown as { Scorm12API: typeof Scorm12ApiClass };
const { Scorm2004API } = scorm2004 as unknown as { Scorm2004API: typeof Scorm2004ApiClass };
const quiet = { lmsCommitUrl: 'test', httpService: { processHttpRequest: () => ({ result: 'true', errorCode: 0 }), updateSettings() {} } as never, logLevel: 5 as const };

const MIN = 60_000;

describe('active time', () => {
  test('counts time with the page visible, up to three minutes after the last activity', () => {
    const c = new ActiveClock(0);
    c.activity(1 * MIN);
    expect(c.take(2 * MIN)).toBe(2 * MIN);
    // Reading for ten minutes without touching anything: only three of them count.
    expect(c.take(12 * MIN)).toBe(IDLE_LIMIT_MS - MIN);
    c.activity(20 * MIN);
    expect(c.take(21 * MIN)).toBe(MIN);
  });

  test('a hidden page counts nothing, and coming back counts as activity', () => {
    const c = new ActiveClock(0);
    c.setVisible(false, MIN);
    c.activity(2 * MIN);
    expect(c.take(10 * MIN)).toBe(MIN);
    c.setVisible(true, 30 * MIN);
    expect(c.take(31 * MIN)).toBe(MIN);
  });

  test('a clock going backwards never counts negative time', () => {
    const c = new ActiveClock(5 * MIN);
    c.activity(4 * MIN);
    expect(c.take(3 * MIN)).toBe(0);
  });

  test('durations read as people say them', () => {
    expect(formatDuration(0)).toBe('none recorded');
    expect(formatDuration(20)).toBe('less than a minute');
    expect(formatDuration(60)).toBe('1 minute');
    expect(formatDuration(25 * 60 + 20)).toBe('25 minutes');
    expect(formatDuration(3600)).toBe('1 hour');
    expect(formatDuration(3600 + 5 * 60)).toBe('1 hour 5 minutes');
  });
});

const outline: CourseOutline = {
  courseId: 'beyond-stigma',
  title: 'Beyond Stigma',
  contentVersion: '1.0.0',
  changes: [{ version: '1.0.0', notes: ['First version.'] }],
  lessons: [
    { id: 'language', title: 'Language', href: 'lessons/language.html', minutes: 20, dialogues: [{ id: 'a', title: 'A' }], questions: 4, passMark: 80 },
    { id: 'illness', title: 'Illness', href: 'lessons/illness.html', minutes: 20, dialogues: [{ id: 'b', title: 'B' }], questions: 4, passMark: 80 },
  ],
};

describe('the CPD record', () => {
  const record = buildRecord({
    outline,
    lessons: outline.lessons,
    progress: {
      contentVersion: '1.0.0',
      lessons: {
        language: { dialogues: { a: { code: 'a.', done: true } }, quiz: { first: 'abcd', last: 'abcd', score: 75 }, seconds: 1510, completedOn: 20415 },
        illness: { dialogues: { b: { code: 'a', done: false } }, seconds: 200 },
      },
    },
    reflections: { language: { learned: 'Words change care.', change: 'Ask before I label.' } },
    outcomes: { language: ['Choose words that do not stigmatise'], illness: ['Explain the model'] },
    name: '  Jane Smith ',
    date: 20416,
  });

  test('gathers lessons, times, scores, outcomes met and reflections', () => {
    expect(record.name).toBe('Jane Smith');
    expect(record.completed).toBe(1);
    expect(record.totalSeconds).toBe(1710);
    expect(record.lessons[0]).toMatchObject({ seconds: 1510, completedOn: 20415, outcomes: ['Choose words that do not stigmatise'] });
    expect(record.lessons[1]!.status.state).toBe('in-progress');
  });

  test('as a text file: every fact, outcomes only for completed lessons, each heading, Windows line endings', () => {
    const text = recordText(record);
    expect(text).toContain('Name: Jane Smith\r\n');
    expect(text).toContain('Date of this record: 24 November 2025'.replace('2025', String(new Date(20416 * 864e5).getUTCFullYear())));
    expect(text).toContain('Lessons completed: 1 of 2');
    expect(text).toContain('Active learning time, all lessons: 29 minutes');
    expect(text).toContain('Active time: 25 minutes (designed to take about 20 minutes)');
    expect(text).toContain('Status: Completed, 23 November 2025'.replace('2025', String(new Date(20415 * 864e5).getUTCFullYear())));
    expect(text).toContain('Knowledge check: 75% at the first attempt (pass mark 80%: not reached)');
    // Completed below the pass mark: the outcomes were covered, not met.
    expect(text).toContain('Learning outcomes covered (the knowledge check was below the pass mark):\r\n- Choose words that do not stigmatise');
    expect(text).not.toContain('Learning outcomes met');
    expect(text).not.toContain('- Explain the model');
    expect(text).toContain('What I will change:\r\nAsk before I label.');
    expect(text).toContain('How it applies to my practice:\r\n(nothing written)');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  test('days are calendar days in the learner\'s time zone', () => {
    expect(formatDay(20415)).toBe('23 November 2025');
    expect(isoDay(20415)).toBe('2025-11-23');
    expect(dayNumber(new Date(2025, 10, 23, 0, 30))).toBe(20415);
    expect(dayNumber(new Date(2025, 10, 23, 23, 30))).toBe(20415);
  });

  test('platform names "Surname, Forename" read as "Forename Surname"', () => {
    expect(displayName('Smith, Jane')).toBe('Jane Smith');
    expect(displayName('Jane Smith')).toBe('Jane Smith');
    expect(displayName('')).toBe('');
  });
});

describe('backups', () => {
  const backup: Backup = {
    courseId: 'beyond-stigma',
    contentVersion: '1.0.0',
    made: '2026-11-23T10:00:00.000Z',
    name: 'Jane',
    reflections: { language: { learned: '<b>not markup</b> & "quotes"' } },
    progress: { contentVersion: '1.0.0', bookmark: 'language/a', lessons: { language: { dialogues: { a: { code: 'a.', done: true } }, seconds: 60 } } },
  };

  test('round-trip exactly', () => {
    expect(readBackup(writeBackup(backup), 'beyond-stigma')).toEqual({ ok: true, backup });
  });

  test.each([
    ['not json', 'not a Beyond Stigma backup'],
    ['{"format":"other"}', 'not a Beyond Stigma backup'],
    [writeBackup(backup).replace('"schema": 1', '"schema": 9'), 'newer version'],
    [writeBackup({ ...backup, courseId: 'another-course' }), 'different course'],
    [writeBackup(backup).replace('"made": "2026-11-23T10:00:00.000Z"', '"made": "soon"'), 'damaged'],
    [writeBackup(backup).replace(/"progress": ".*"/, '"progress": "{broken"'), 'saved progress could not be read'],
  ])('refuse a bad file with a reason (%#)', (text, problem) => {
    const read = readBackup(text, 'beyond-stigma');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toContain(problem);
  });

  test('keep only well-formed reflections', () => {
    expect(cleanReflections({ language: { learned: 'x', bogus: 'y', change: 3 }, 'Bad Id': { learned: 'z' }, illness: 'no' })).toEqual({ language: { learned: 'x' } });
  });
});

describe('reflections kept in this browser', () => {
  // Node has no localStorage without a file behind it; a Map stands in for the browser's.
  beforeAll(() => {
    const map = new Map<string, string>();
    const memory = {
      get length() {
        return map.size;
      },
      clear: () => map.clear(),
      getItem: (k: string) => map.get(k) ?? null,
      key: (i: number) => [...map.keys()][i] ?? null,
      removeItem: (k: string) => void map.delete(k),
      setItem: (k: string, v: string) => void map.set(k, String(v)),
    };
    Object.defineProperty(globalThis, 'localStorage', { value: memory, configurable: true });
  });
  afterEach(() => localStorage.clear());

  test('are keyed by course and lesson, and "forget me" removes everything the course stored, nothing else', () => {
    writeReflection('', 'language', { learned: 'One' });
    writeReflection('', 'illness', { change: 'Two' });
    writeReflection('learner 7', 'language', { learned: 'Not yours' });
    localStorage.setItem('beyond-stigma:progress:v1', '{}');
    localStorage.setItem('another-site', 'keep');
    expect(JSON.parse(localStorage.getItem(REFLECTION_KEY)!)).toEqual({ language: { learned: 'One' }, illness: { change: 'Two' } });
    expect(readReflections('').illness).toEqual({ change: 'Two' });
    // On a shared computer, each platform learner has their own.
    expect(readReflections('learner 7')).toEqual({ language: { learned: 'Not yours' } });
    expect(courseKeys().sort()).toEqual(['beyond-stigma:progress:v1', REFLECTION_KEY, `${REFLECTION_KEY}:learner%207`]);
    expect(forgetEverything()).toBe(3);
    expect(courseKeys()).toEqual([]);
    expect(localStorage.getItem('another-site')).toBe('keep');
  });

  test('on a platform, "forget me" never removes what is kept for another learner on the same computer', () => {
    writeReflection('learner 7', 'language', { learned: 'Mine' });
    writeReflection('learner 8', 'language', { learned: 'Theirs' });
    localStorage.setItem('beyond-stigma:progress:v1:platform-backup:learner%207', '{}');
    localStorage.setItem('beyond-stigma:progress:v1:platform-backup:learner%208', '{}');
    localStorage.setItem('beyond-stigma:progress:v1:unreadable:1', 'x');
    expect(forgetEverything('learner 7')).toBe(3);
    expect(courseKeys().sort()).toEqual(['beyond-stigma:progress:v1:platform-backup:learner%208', `${REFLECTION_KEY}:learner%208`]);
    expect(readReflections('learner 8')).toEqual({ language: { learned: 'Theirs' } });
  });

  test('a damaged store reads as empty rather than failing', () => {
    localStorage.setItem(REFLECTION_KEY, '{not json');
    expect(readReflections('')).toEqual({});
  });
});

describe('learner comments (shared reflections)', () => {
  const items = [
    { location: 'language', text: reflectionComment('Beyond Stigma', 'Language', { learned: 'Words matter.\n\nMore than I thought.', change: 'Ask first.' }) },
    { location: 'illness', text: 'Second' },
  ];

  test('are headed with the course and lesson, with each heading that has text, on one line', () => {
    expect(items[0]!.text).toBe('Beyond Stigma: Language. Reflection shared by the learner. | What I learned: Words matter. / More than I thought. | What I will change: Ask first.');
  });

  test('1.2: one cmi.comments string, cut to 4,096 characters, not rewritten when unchanged', () => {
    const api = new Scorm12API(quiet);
    const s = new ScormSession({ version: '1.2', api: api as never });
    s.initialize();
    expect(writeComments(s, items)).toBe(true);
    expect(api.cmi.comments).toBe(`${items[0]!.text} || Second`);
    expect(writeComments(s, [{ location: 'language', text: 'x'.repeat(5000) }])).toBe(true);
    expect(api.cmi.comments).toHaveLength(4096);
  });

  test('2004: one cmi.comments_from_learner entry per lesson, replaced in place on a later share', () => {
    const api = new Scorm2004API(quiet);
    const s = new ScormSession({ version: '2004', api: api as never });
    s.initialize();
    expect(writeComments(s, items, new Date('2026-11-23T10:00:00Z'))).toBe(true);
    expect(api.GetValue('cmi.comments_from_learner._count')).toBe('2');
    expect(api.GetValue('cmi.comments_from_learner.1.location')).toBe('illness');
    expect(api.GetValue('cmi.comments_from_learner.0.timestamp')).toBe('2026-11-23T10:00:00');
    expect(writeComments(s, [{ location: 'illness', text: 'Changed' }])).toBe(true);
    expect(api.GetValue('cmi.comments_from_learner._count')).toBe('2');
    expect(api.GetValue('cmi.comments_from_learner.1.comment')).toBe('Changed');
    expect(api.GetValue('cmi.comments_from_learner.0.comment')).toBe(items[0]!.text);
  });

  test('nothing is written in review mode', () => {
    const api = new Scorm12API(quiet);
    api.loadFromJSON({ core: { lesson_mode: 'review' } } as never);
    const s = new ScormSession({ version: '1.2', api: api as never });
    s.initialize();
    expect(writeComments(s, items)).toBe(false);
    expect(api.cmi.comments).toBe('');
  });
});
