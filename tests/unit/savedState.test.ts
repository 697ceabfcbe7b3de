import { describe, expect, test } from 'vitest';
import { decodeProgress, encodeProgress, MAX_SECONDS, type CourseProgress } from '../../src/tracking/savedState.ts';
import { courseStatus, lessonStatus } from '../../src/tracking/status.ts';
import type { CourseOutline } from '../../src/tracking/outline.ts';

const progress: CourseProgress = {
  contentVersion: '1.2.0',
  bookmark: 'language/consultation',
  lessons: {
    language: { dialogues: { consultation: { code: 'ab.c.', done: true }, desk: { code: 'a', done: false } }, quiz: { first: 'abca', last: 'abcb', score: 75 } },
    illness: { dialogues: {} },
  },
};

describe('saved progress', () => {
  test('round-trips and is compact', () => {
    const text = encodeProgress(progress);
    expect(text).toBe('{"s":1,"v":"1.2.0","b":"language/consultation","l":{"language":{"d":{"consultation":["ab.c.",1],"desk":["a",0]},"q":["abca","abcb",75]},"illness":{}}}');
    expect(decodeProgress(text)).toEqual({ ok: true, progress });
  });

  test('keeps active time (whole seconds, capped) and the day a lesson was completed; older progress without them still reads', () => {
    const timed: CourseProgress = { ...progress, lessons: { language: { ...progress.lessons.language!, seconds: 1259.6, completedOn: 20415 } } };
    const text = encodeProgress(timed);
    expect(text).toContain('"t":1260,"c":20415');
    const back = decodeProgress(text);
    expect(back.ok && back.progress.lessons.language).toMatchObject({ seconds: 1260, completedOn: 20415 });
    const huge = decodeProgress('{"s":1,"v":"1","l":{"a":{"t":1e12}}}');
    expect(huge.ok && huge.progress.lessons.a!.seconds).toBe(MAX_SECONDS);
    const old = decodeProgress('{"s":1,"v":"1","l":{"a":{"q":["ab","ab",50]}}}');
    expect(old.ok && old.progress.lessons.a).toEqual({ dialogues: {}, quiz: { first: 'ab', last: 'ab', score: 50 } });
  });

  test.each([
    ['{"s":1,"v":"1","l":{"a":{"t":-5}}}', 'unreadable'],
    ['{"s":1,"v":"1","l":{"a":{"t":"60"}}}', 'unreadable'],
    ['{"s":1,"v":"1","l":{"a":{"c":"2026-11-23"}}}', 'unreadable'],
    ['', 'empty'],
    ['not json', 'unreadable'],
    ['[]', 'unreadable'],
    ['{"s":"1"}', 'unreadable'],
    ['{"s":1,"v":"1","l":{"Bad Id":{}}}', 'unreadable'],
    ['{"s":1,"v":"1","l":{"a":{"d":{"x":["<script>",1]}}}}', 'unreadable'],
    ['{"s":1,"v":"1","l":{"a":{"d":{"x":["a",2]}}}}', 'unreadable'],
    ['{"s":1,"v":"1","l":{"a":{"q":["ab","ab","x"]}}}', 'unreadable'],
    ['{"s":9,"v":"1","l":{}}', 'newer-format'],
  ])('rejects %j as %s, never half-trusting it', (text, reason) => {
    const result = decodeProgress(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe(reason);
  });
});

const outline: CourseOutline = {
  courseId: 'c',
  title: 'C',
  contentVersion: '1',
  changes: [{ version: '1', notes: ['First version.'] }],
  lessons: [
    { id: 'language', title: 'L', href: 'lessons/language.html', minutes: 20, dialogues: [{ id: 'consultation', title: 'x' }, { id: 'desk', title: 'y' }], questions: 4, passMark: 80 },
    { id: 'illness', title: 'I', href: 'lessons/illness.html', minutes: 20, dialogues: [{ id: 'discharge', title: 'z' }], questions: 6, passMark: 80 },
  ],
};

describe('status', () => {
  test('a lesson is complete when every dialogue has ended and the check is submitted', () => {
    expect(lessonStatus(outline.lessons[0]!, progress)).toEqual({ state: 'in-progress', dialoguesDone: 1, dialoguesTotal: 2, quizSubmitted: true, score: 75, passed: false });
    expect(lessonStatus(outline.lessons[1]!, progress).state).toBe('not-started');
    const done = structuredClone(progress);
    done.lessons.language!.dialogues.desk!.done = true;
    expect(lessonStatus(outline.lessons[0]!, done).state).toBe('completed');
  });

  test('the course is incomplete with no score until every lesson is complete; then passed or failed by weighted score', () => {
    expect(courseStatus(outline, progress)).toEqual({ completion: 'incomplete', success: 'unknown' });
    const all: CourseProgress = {
      contentVersion: '1',
      lessons: {
        language: { dialogues: { consultation: { code: '', done: true }, desk: { code: '', done: true } }, quiz: { first: 'aaaa', last: 'aaaa', score: 50 } },
        illness: { dialogues: { discharge: { code: '', done: true } }, quiz: { first: 'aaaaaa', last: 'aaaaaa', score: 100 } },
      },
    };
    expect(courseStatus(outline, all)).toEqual({ completion: 'completed', success: 'passed', score: 80 });
    all.lessons.illness!.quiz!.score = 83;
    expect(courseStatus(outline, all)).toEqual({ completion: 'completed', success: 'failed', score: 70 });
  });
});
