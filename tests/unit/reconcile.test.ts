/**
 * Saved progress that does not match the page: two copies merged (two tabs; progress kept in
 * the browser when a platform refused it), and the notice for progress saved with other content.
 */
import { describe, expect, test } from 'vitest';
import { mergeProgress, updateNotice } from '../../src/tracking/reconcile.ts';
import type { CourseOutline } from '../../src/tracking/outline.ts';
import type { CourseProgress } from '../../src/tracking/savedState.ts';

const base = (): CourseProgress => ({
  contentVersion: '2.0.0',
  bookmark: 'language/consultation',
  lessons: {
    language: {
      dialogues: { consultation: { code: 'ab.c', done: false }, desk: { code: 'a.b.c.', done: true } },
      quiz: { first: 'abca', last: 'abca', score: 75 },
      seconds: 300,
      completedOn: 20_400,
    },
  },
});

describe('mergeProgress', () => {
  test('a path that carries on from ours is taken; one that went another way, or a restart, keeps ours', () => {
    const theirs = base();
    theirs.lessons.language!.dialogues.consultation = { code: 'ab.c.d', done: false };
    theirs.lessons.language!.dialogues.desk = { code: '', done: false };
    const merged = mergeProgress(base(), theirs);
    expect(merged.lessons.language!.dialogues.consultation).toEqual({ code: 'ab.c.d', done: false });
    // A restart in the other tab neither loses the path here nor the "finished" mark.
    expect(merged.lessons.language!.dialogues.desk).toEqual({ code: 'a.b.c.', done: true });
    const diverged = base();
    diverged.lessons.language!.dialogues.consultation = { code: 'b.a', done: true };
    expect(mergeProgress(base(), diverged).lessons.language!.dialogues.consultation).toEqual({ code: 'ab.c', done: true });
  });

  test('lessons and conversations only one copy holds are kept from either', () => {
    const theirs: CourseProgress = { contentVersion: '2.0.0', lessons: { illness: { dialogues: { discharge: { code: 'a.', done: false } } } } };
    const ours = base();
    ours.lessons.language!.dialogues.extra = { code: 'c', done: false };
    const merged = mergeProgress(ours, theirs);
    expect(Object.keys(merged.lessons).sort()).toEqual(['illness', 'language']);
    expect(merged.lessons.illness!.dialogues.discharge!.code).toBe('a.');
    expect(merged.lessons.language!.dialogues.extra!.code).toBe('c');
    expect(mergeProgress(theirs, ours).lessons.language).toEqual(ours.lessons.language);
  });

  test('the first knowledge-check attempt that was made stays the score; the latest attempt comes in', () => {
    const theirs = base();
    theirs.lessons.language!.quiz = { first: 'dddd', last: 'bbbb', score: 0 };
    expect(mergeProgress(base(), theirs).lessons.language!.quiz).toEqual({ first: 'abca', last: 'bbbb', score: 75 });
    const none = base();
    delete none.lessons.language!.quiz;
    expect(mergeProgress(none, base()).lessons.language!.quiz).toEqual(base().lessons.language!.quiz);
    expect(mergeProgress(base(), none).lessons.language!.quiz).toEqual(base().lessons.language!.quiz);
  });

  test('active time is the larger, the completion date the earlier, and the incoming bookmark wins', () => {
    const theirs = base();
    theirs.lessons.language!.seconds = 420;
    theirs.lessons.language!.completedOn = 20_401;
    theirs.bookmark = 'language';
    const merged = mergeProgress(base(), theirs);
    expect(merged.lessons.language!.seconds).toBe(420);
    expect(merged.lessons.language!.completedOn).toBe(20_400);
    expect(merged.bookmark).toBe('language');
    delete theirs.bookmark;
    expect(mergeProgress(base(), theirs).bookmark).toBe('language/consultation');
  });

  test('the conversation the learner has just moved in the other tab takes that path, even a restart', () => {
    const theirs = base();
    theirs.lessons.language!.dialogues.consultation = { code: '', done: false };
    const merged = mergeProgress(base(), theirs, 'language/consultation');
    expect(merged.lessons.language!.dialogues.consultation).toEqual({ code: '', done: false });
    // Only that one: the other conversation, behind in the other tab, keeps ours.
    theirs.lessons.language!.dialogues.desk = { code: 'a.', done: false };
    expect(mergeProgress(base(), theirs, 'language/consultation').lessons.language!.dialogues.desk).toEqual({ code: 'a.b.c.', done: true });
    // A restart after finishing keeps "finished".
    const finished = base();
    finished.lessons.language!.dialogues.consultation!.done = true;
    expect(mergeProgress(finished, theirs, 'language/consultation').lessons.language!.dialogues.consultation).toEqual({ code: '', done: true });
  });

  test('merging is idempotent, and the inputs are not changed', () => {
    const ours = base();
    const theirs = base();
    theirs.lessons.language!.dialogues.consultation!.code = 'ab.c.d';
    const once = mergeProgress(ours, theirs);
    expect(mergeProgress(once, theirs)).toEqual(once);
    expect(mergeProgress(once, once)).toEqual(once);
    expect(ours).toEqual(base());
  });
});

describe('updateNotice', () => {
  const outline = {
    contentVersion: '3.0.0',
    changes: [
      { version: '3.0.0', notes: ['Third.', 'Third, again.'] },
      { version: '2.0.0', notes: ['Second.'] },
      { version: '1.0.0', notes: ['First.'] },
    ],
  } as CourseOutline;

  test('lists the author’s notes for every version after the one the progress was saved with', () => {
    const notice = updateNotice(outline, '1.0.0', true);
    expect(notice.tone).toBe('info');
    expect(notice.text).toContain('version 1.0.0');
    expect(notice.text).toContain('version 3.0.0');
    expect(notice.list).toEqual(['3.0.0: Third.', '3.0.0: Third, again.', '2.0.0: Second.']);
    expect(updateNotice(outline, '2.0.0', true).list).toEqual(['3.0.0: Third.', '3.0.0: Third, again.']);
  });

  test('says a copy is kept only when it was', () => {
    expect(updateNotice(outline, '1.0.0', true).text).toContain('a copy of it as it was is kept');
    expect(updateNotice(outline, '1.0.0', false).text).not.toContain('copy');
  });

  test('a version the notes do not know (newer, or never published) gets this version’s notes', () => {
    expect(updateNotice(outline, '9.9.9', true).list).toEqual(['3.0.0: Third.', '3.0.0: Third, again.']);
  });
});
