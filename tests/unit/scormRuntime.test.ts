import { describe, expect, test } from 'vitest';
import * as scorm12 from 'scorm-again/scorm12';
import * as scorm2004 from 'scorm-again/scorm2004';
import type Scorm12ApiClass from 'scorm-again/scorm12';
import type Scorm2004ApiClass from 'scorm-again/scorm2004';
import { discoverApi } from '../../scorm/runtime/discoverApi.ts';
import { installFallbackLms, readAttempt } from '../../scorm/runtime/fallbackLms.ts';
import { ScormSession } from '../../scorm/runtime/session.ts';
import { formatSessionTime } from '../../scorm/runtime/sessionTime.ts';

// The ESM build exports the classes by name; the type declarations say default (see fallbackLms.ts).
const { Scorm12API } = scorm12 as unknown as { Scorm12API: typeof Scorm12ApiClass };
const { Scorm2004API } = scorm2004 as unknown as { Scorm2004API: typeof Scorm2004ApiClass };

/** A test LMS that records what a real platform would receive on each commit. */
function lms12(seed?: object) {
  const commits: any[] = [];
  const httpService = { processHttpRequest: (_u: string, p: unknown) => (commits.push(structuredClone(p)), { result: 'true', errorCode: 0 }), updateSettings() {} };
  const api = new Scorm12API({ lmsCommitUrl: 'test', httpService: httpService as never, logLevel: 5 });
  if (seed) api.loadFromJSON(seed as never);
  return { api, commits };
}
function lms2004(seed?: object) {
  const commits: any[] = [];
  const httpService = { processHttpRequest: (_u: string, p: unknown) => (commits.push(structuredClone(p)), { result: 'true', errorCode: 0 }), updateSettings() {} };
  const api = new Scorm2004API({ lmsCommitUrl: 'test', httpService: httpService as never, logLevel: 5 });
  if (seed) api.loadFromJSON(seed as never);
  return { api, commits };
}

describe('session time', () => {
  test('1.2 uses HH:MM:SS.SS with 2 to 4 hour digits', () => {
    expect(formatSessionTime(5_000, '1.2')).toBe('00:00:05.00');
    expect(formatSessionTime(3_723_450, '1.2')).toBe('01:02:03.45');
    expect(formatSessionTime(125 * 3600_000, '1.2')).toBe('125:00:00.00');
    expect(formatSessionTime(1e12, '1.2')).toBe('9999:59:59.99');
    for (const ms of [0, 999, 59_999, 3_600_000, 36_000_000_0]) expect(formatSessionTime(ms, '1.2')).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
  });
  test('2004 uses an ISO 8601 duration', () => {
    expect(formatSessionTime(5_000, '2004')).toBe('PT5S');
    expect(formatSessionTime(3_723_450, '2004')).toBe('PT1H2M3.45S');
    expect(formatSessionTime(0, '2004')).toBe('PT0S');
  });
});

describe('a session with a SCORM 1.2 platform', () => {
  test('sets status, score, bookmark and suspend data in 1.2 vocabulary and finishes once', () => {
    const { api, commits } = lms12();
    const s = new ScormSession({ version: '1.2', api: api as never });
    expect(s.initialize()).toBe(true);
    expect(s.setStatus({ completion: 'incomplete', success: 'unknown' })).toBe(true);
    expect(api.cmi.core.lesson_status).toBe('incomplete');
    expect(s.set('suspendData', '{"s":1}')).toBe(true);
    expect(s.set('location', 'language/consultation')).toBe(true);
    expect(s.commit()).toBe(true);
    expect(commits.at(-1).cmi.suspend_data).toBe('{"s":1}');
    s.setStatus({ completion: 'completed', success: 'passed', score: 83.4 });
    expect(api.cmi.core.lesson_status).toBe('passed');
    expect(api.cmi.core.score.raw).toBe('83');
    s.finish(true);
    const last = commits.at(-1).cmi.core;
    expect(last.exit).toBe('');
    expect(last.session_time).toMatch(/^\d{2}:\d{2}:\d{2}/);
    expect(s.set('location', 'x')).toBe(false); // nothing after finish
    expect(s.commit()).toBe(false);
    const count = commits.length;
    s.finish(true);
    expect(commits.length).toBe(count);
  });

  test('an unfinished attempt exits with suspend, and resume is recognised', () => {
    const { api, commits } = lms12();
    const s = new ScormSession({ version: '1.2', api: api as never });
    s.initialize();
    s.set('suspendData', 'abc');
    s.finish(false);
    expect(commits.at(-1).cmi.core.exit).toBe('suspend');
    const next = lms12({ core: { entry: 'resume', lesson_status: 'incomplete', lesson_location: 'x' }, suspend_data: 'abc' });
    const s2 = new ScormSession({ version: '1.2', api: next.api as never });
    s2.initialize();
    expect(s2.resumed).toBe(true);
    expect(s2.get('suspendData')).toBe('abc');
  });

  test('review mode never changes status', () => {
    const { api } = lms12({ core: { lesson_mode: 'review', lesson_status: 'passed' } });
    const s = new ScormSession({ version: '1.2', api: api as never });
    s.initialize();
    expect(s.inReviewMode).toBe(true);
    s.setStatus({ completion: 'incomplete', success: 'unknown' });
    expect(api.cmi.core.lesson_status).toBe('passed');
  });

  test('refusals and exceptions are caught and reported, never thrown', () => {
    const calls: string[] = [];
    const hostile = {
      LMSInitialize: () => 'true',
      LMSSetValue: (el: string) => (calls.push(el), el === 'cmi.suspend_data' ? 'false' : 'true'),
      LMSGetValue: () => {
        throw new TypeError('boom');
      },
      LMSCommit: () => false,
      LMSGetLastError: () => 0,
      LMSFinish: () => {
        throw new Error('gone');
      },
    };
    const s = new ScormSession({ version: '1.2', api: hostile });
    expect(s.initialize()).toBe(true);
    expect(s.get('suspendData')).toBe('');
    expect(s.set('suspendData', 'x')).toBe(false);
    expect(s.commit()).toBe(false);
    expect(s.takeFailures().map((f) => f.call)).toEqual(['setValue', 'commit']);
    expect(() => s.finish(false)).not.toThrow();
  });

  test('a SetValue that returns true but sets an error code counts as refused', () => {
    const api = { LMSInitialize: () => true, LMSSetValue: () => true, LMSGetLastError: () => '405', LMSCommit: () => true, LMSGetValue: () => '' };
    const s = new ScormSession({ version: '1.2', api });
    s.initialize();
    expect(s.set('location', 'x')).toBe(false);
    expect(s.takeFailures()[0]).toMatchObject({ code: '405', element: 'cmi.core.lesson_location' });
  });
});

describe('interactions a platform refuses', () => {
  test.each(['1.2', '2004'] as const)('SCORM %s: are queued and written again at the same index, so no gap is left and none is lost', (version) => {
    const { api } = version === '1.2' ? lms12() : lms2004();
    const set = version === '1.2' ? 'LMSSetValue' : 'SetValue';
    const original = (api as any)[set].bind(api);
    let refuse = false;
    (api as any)[set] = (element: string, value: string) => (refuse && element.includes('interactions') ? 'false' : original(element, value));
    const s = new ScormSession({ version, api: api as never });
    s.initialize();
    const answer = (node: string) => ({ id: ['language', 'consultation', node], response: 0, result: 'correct' as const });
    expect(s.addInteraction(answer('one'))).toBe(true);
    refuse = true;
    expect(s.addInteraction(answer('two'))).toBe(false);
    expect(s.addInteraction(answer('three'))).toBe(false);
    expect(s.takeFailures().length).toBeGreaterThan(0);
    refuse = false;
    expect(s.flushInteractions()).toBe(true);
    expect(s.addInteraction(answer('four'))).toBe(true);
    const ids = (api as any).cmi.interactions.childArray.map((i: { jsonString?: boolean; toJSON: () => { id: string } }) => i.toJSON().id);
    expect(ids).toHaveLength(4);
    expect(ids.map((id: string) => id.split(/[_:]/).at(-1))).toEqual(['one', 'two', 'three', 'four']);
  });

  test('a resumed attempt carries on after the interactions the platform already holds', () => {
    const { api } = lms2004();
    const s1 = new ScormSession({ version: '2004', api: api as never });
    s1.initialize();
    s1.addInteraction({ id: ['a', 'b', 'c'], response: 1, result: 'neutral' });
    const s2 = new ScormSession({ version: '2004', api: api as never });
    (s2 as any).state = 'open';
    s2.addInteraction({ id: ['a', 'b', 'd'], response: 0, result: 'wrong' });
    expect((api as any).cmi.interactions.childArray.map((i: { id: string }) => i.id)).toEqual(['urn:beyond-stigma:a:b:c', 'urn:beyond-stigma:a:b:d']);
  });
});

describe('a session with a SCORM 2004 platform', () => {
  test('uses completion and success separately, a scaled score and ISO session time', () => {
    const { api, commits } = lms2004();
    const s = new ScormSession({ version: '2004', api: api as never });
    expect(s.initialize()).toBe(true);
    s.setStatus({ completion: 'incomplete', success: 'unknown' });
    expect(api.cmi.completion_status).toBe('incomplete');
    s.setStatus({ completion: 'completed', success: 'failed', score: 60 });
    expect(api.cmi.success_status).toBe('failed');
    expect(api.cmi.score.scaled).toBe('0.6');
    expect(s.set('suspendData', 'x'.repeat(5000))).toBe(true);
    s.finish(false);
    const last = commits.at(-1).cmi;
    expect(last.exit).toBe('suspend');
    expect(last.session_time).toMatch(/^PT/);
    expect(api.isTerminated()).toBe(true);
  });

  test('a finished attempt exits normal', () => {
    const { api, commits } = lms2004();
    const s = new ScormSession({ version: '2004', api: api as never });
    s.initialize();
    s.finish(true);
    expect(commits.at(-1).cmi.exit).toBe('normal');
  });
});

describe('API discovery', () => {
  const win = (props: Record<string, unknown> = {}) => {
    const w: any = { ...props };
    w.parent = w;
    w.top = w;
    return w;
  };

  test('walks up the parent chain', () => {
    const top = win({ API: { LMSInitialize() {} } });
    const mid = win();
    mid.parent = top;
    const sco = win();
    sco.parent = mid;
    expect(discoverApi(sco)?.version).toBe('1.2');
    expect(discoverApi(sco)?.api).toBe(top.API);
  });

  test('prefers the versions asked for, in order', () => {
    const top = win({ API: {}, API_1484_11: {} });
    expect(discoverApi(top, ['2004', '1.2'])?.version).toBe('2004');
    expect(discoverApi(top, ['1.2'])?.version).toBe('1.2');
  });

  test('then looks at the opener (a popup launch) and its parents', () => {
    const lmsTop = win({ API_1484_11: {} });
    const lmsFrame = win();
    lmsFrame.parent = lmsTop;
    const popup = win();
    popup.opener = lmsFrame;
    expect(discoverApi(popup)?.version).toBe('2004');
  });

  test('survives frames from other origins, and finds nothing when there is nothing', () => {
    const sco = win();
    Object.defineProperty(sco, 'parent', {
      get() {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    });
    expect(discoverApi(sco)).toBeNull();
    expect(discoverApi(win())).toBeNull();
  });
});

describe('the embedded LMS for the plain website', () => {
  const memory = () => {
    const map = new Map<string, string>();
    return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k), map } as unknown as Storage & { map: Map<string, string> };
  };

  test('keeps progress in browser storage across visits', () => {
    const storage = memory();
    const page1: any = {};
    installFallbackLms(page1, storage, 'k');
    const s1 = new ScormSession({ version: '1.2', api: page1.API });
    s1.initialize();
    s1.set('suspendData', '{"s":1}');
    s1.set('location', 'language');
    s1.setStatus({ completion: 'incomplete', success: 'unknown' });
    expect(s1.commit()).toBe(true);
    s1.finish(false);
    expect(readAttempt(storage, 'k')).toMatchObject({ suspendData: '{"s":1}', location: 'language', status: 'incomplete', exit: 'suspend' });

    const page2: any = {};
    installFallbackLms(page2, storage, 'k');
    const s2 = new ScormSession({ version: '1.2', api: page2.API });
    s2.initialize();
    expect(s2.get('suspendData')).toBe('{"s":1}');
    expect(s2.get('location')).toBe('language');
    expect(s2.resumed).toBe(true);
  });

  test('a browser that refuses to store makes the commit fail, so the learner is told', () => {
    const storage = memory();
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const page: any = {};
    installFallbackLms(page, storage, 'k');
    const s = new ScormSession({ version: '1.2', api: page.API });
    s.initialize();
    s.set('suspendData', 'x');
    expect(s.commit()).toBe(false);
  });

  test('unreadable stored data starts afresh instead of throwing', () => {
    const storage = memory();
    storage.setItem('k', '{not json');
    const page: any = {};
    expect(() => installFallbackLms(page, storage, 'k')).not.toThrow();
    const s = new ScormSession({ version: '1.2', api: page.API });
    expect(s.initialize()).toBe(true);
    expect(s.get('suspendData')).toBe('');
  });
});

describe('interactions', () => {
  const decision = { id: ['language', 'audit-c-conversation', 'opening'], response: 2, result: 'wrong' as const, description: 'What do you say?' };
  const question = { id: ['language', 'check', 'audit-band'], response: 1, correct: 1, result: 'correct' as const, description: 'What does a score of 14 mean?' };

  /** Records the decision and the question in a fresh session and returns what the LMS stored. */
  const recordBoth = (version: '1.2' | '2004') => {
    const { api, commits } = version === '1.2' ? lms12() : lms2004();
    const s = new ScormSession({ version, api: api as never });
    s.initialize();
    expect(s.addInteraction(decision)).toBe(true);
    expect(s.addInteraction(question)).toBe(true);
    expect(s.takeFailures()).toEqual([]);
    s.commit();
    expect(commits.length).toBeGreaterThan(0);
    return Object.values((api.renderCMIToJSONObject() as any).cmi.interactions as Record<string, any>);
  };

  test('1.2: written in index order, ids without spaces, single-letter responses, 1.2 results', () => {
    const sent = recordBoth('1.2');
    expect(sent.map((i: any) => [i.id, i.type, i.student_response, i.result])).toEqual([
      ['language_audit-c-conversation_opening', 'choice', 'c', 'wrong'],
      ['language_check_audit-band', 'choice', 'b', 'correct'],
    ]);
    expect(sent[1].correct_responses['0'].pattern).toBe('b');
  });

  test('2004: URN ids, learner_response, "incorrect", description', () => {
    const sent = recordBoth('2004');
    expect(sent.map((i: any) => [i.id, i.learner_response, i.result, i.description])).toEqual([
      ['urn:beyond-stigma:language:audit-c-conversation:opening', 'c', 'incorrect', 'What do you say?'],
      ['urn:beyond-stigma:language:check:audit-band', 'b', 'correct', 'What does a score of 14 mean?'],
    ]);
  });

  test('a resumed 2004 attempt continues after the interactions already stored', () => {
    const { api } = lms2004();
    api.loadFromFlattenedJSON({ 'cmi.interactions.0.id': 'urn:x:0', 'cmi.interactions.0.type': 'choice' } as never);
    const s = new ScormSession({ version: '2004', api: api as never });
    s.initialize();
    expect(s.addInteraction(decision)).toBe(true);
    expect(api.GetValue('cmi.interactions.1.id')).toBe('urn:beyond-stigma:language:audit-c-conversation:opening');
  });

  test('nothing is written in review mode', () => {
    const { api } = lms12({ core: { lesson_mode: 'review' } });
    const s = new ScormSession({ version: '1.2', api: api as never });
    s.initialize();
    expect(s.addInteraction(decision)).toBe(false);
    expect(api.LMSGetValue('cmi.interactions._count')).toBe('0');
  });
});
