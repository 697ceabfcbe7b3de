/**
 * The one wrapper that calls an LMS API. Version-neutral verbs; every call guarded (real
 * platforms throw, return "true"/"false" strings or booleans, and alert); nothing is called
 * after the session has finished; review and browse modes never change status.
 */
import { CMI, type ScormVersion, type VersionTable } from './cmiPaths.ts';
import type { FoundApi } from './discoverApi.ts';
import { formatSessionTime } from './sessionTime.ts';

export type ElementKey = keyof VersionTable['elements'];

export interface SessionStatus {
  completion: 'incomplete' | 'completed';
  success: 'unknown' | 'passed' | 'failed';
  /** Percent, 0 to 100, when there is a score. */
  score?: number;
}

/** One answer, as the platform records it. */
export interface InteractionRecord {
  /** Parts of a stable id, e.g. [lesson, dialogue, node] or [lesson, "check", question]. */
  id: string[];
  /** Position of the chosen option (0 = a). */
  response: number;
  /** Position of the correct option, for knowledge-check questions. */
  correct?: number;
  result: 'correct' | 'wrong' | 'neutral';
  /** The question as the learner saw it (2004 only). */
  description?: string;
}

export interface CallFailure {
  call: string;
  element?: string;
  /** The LMS's error code, or "exception". */
  code: string;
  message: string;
}

const truthy = (v: unknown) => v === true || v === 'true';

export class ScormSession {
  readonly version: ScormVersion;
  readonly table: VersionTable;
  private readonly api: Record<string, unknown>;
  private state: 'new' | 'open' | 'finished' = 'new';
  private readonly startedAt: number;
  /** Calls that failed since the caller last took them (see `takeFailures`). */
  private failures: CallFailure[] = [];

  constructor(found: FoundApi, now: () => number = Date.now) {
    this.version = found.version;
    this.table = CMI[found.version];
    this.api = found.api;
    this.now = now;
    this.startedAt = now();
  }

  private readonly now: () => number;

  get isOpen(): boolean {
    return this.state === 'open';
  }

  private raw(call: keyof VersionTable['calls'], ...args: string[]): unknown {
    const name = this.table.calls[call];
    const fn = this.api[name];
    if (typeof fn !== 'function') throw new Error(`the LMS API has no ${name}`);
    return (fn as (...a: string[]) => unknown).apply(this.api, args);
  }

  private lastError(): string {
    try {
      return String(this.raw('getLastError') ?? '0');
    } catch {
      return '0';
    }
  }

  private fail(call: string, code: string, message: string, element?: string): false {
    this.failures.push({ call, element, code, message });
    return false;
  }

  initialize(): boolean {
    if (this.state !== 'new') return this.state === 'open';
    try {
      if (!truthy(this.raw('initialize', ''))) return this.fail('initialize', this.lastError(), 'the platform did not start the session');
    } catch (e) {
      return this.fail('initialize', 'exception', String(e));
    }
    this.state = 'open';
    // Who the learner is, read once: a platform that later ends the session answers "" (or
    // worse), and progress kept for them must stay under the right id.
    for (const key of ['learnerId', 'learnerName'] as const) this.known.set(key, this.get(key));
    return true;
  }

  /**
   * Values this session knows better than the platform can later say: the learner read at
   * Initialize, and the progress and bookmark the course last wrote (every page of a launch
   * reads them, and a platform that has stopped answering must not make a page start empty).
   */
  private readonly known = new Map<ElementKey, string>();

  get(key: ElementKey): string {
    const known = this.known.get(key);
    if (known !== undefined) return known;
    const element = this.table.elements[key];
    return element ? this.getRaw(element) : '';
  }

  set(key: ElementKey, value: string): boolean {
    const element = this.table.elements[key];
    if (!element || this.state !== 'open') return false;
    if (key === 'suspendData' || key === 'location') this.known.set(key, value);
    return this.setElement(element, value);
  }

  commit(): boolean {
    if (this.state !== 'open') return false;
    try {
      const ok = truthy(this.raw('commit', ''));
      const code = this.lastError();
      if (!ok || (code !== '0' && code !== '')) return this.fail('commit', code, 'the platform did not save');
    } catch (e) {
      return this.fail('commit', 'exception', String(e));
    }
    return true;
  }

  /** The calls that failed since the last time this was asked, oldest first. */
  takeFailures(): CallFailure[] {
    const taken = this.failures;
    this.failures = [];
    return taken;
  }

  get inReviewMode(): boolean {
    return this.table.vocabulary.reviewModes.includes(this.get('mode'));
  }

  /** Sets completion, success and score in the version's vocabulary. Does nothing in review. */
  setStatus(status: SessionStatus): boolean {
    if (this.inReviewMode) return true;
    let ok = true;
    if (status.score !== undefined) {
      const raw = String(Math.round(Math.max(0, Math.min(100, status.score))));
      ok = this.set('scoreMin', '0') && ok;
      ok = this.set('scoreMax', '100') && ok;
      ok = this.set('scoreRaw', raw) && ok;
      if (this.table.elements.scoreScaled) ok = this.set('scoreScaled', String(Number(raw) / 100)) && ok;
    }
    if (this.table.elements.lessonStatus) {
      const folded = status.success !== 'unknown' ? status.success : status.completion;
      ok = this.set('lessonStatus', folded) && ok;
    } else {
      ok = this.set('completionStatus', status.completion) && ok;
      ok = this.set('successStatus', status.success) && ok;
    }
    return ok;
  }

  /**
   * Records one answer as the next interaction, in index order (platforms reject gaps). Ids,
   * responses and results follow the version: 1.2 ids are letters, digits, `_` and `-` with
   * single-letter choice responses; 2004 ids are URNs. Nothing is written in review mode. An
   * answer the platform refuses stays queued, with every later one, and is written again at
   * the next save (`flushInteractions`), at the same index, so no gap is ever left.
   */
  addInteraction(answer: InteractionRecord): boolean {
    if (this.state !== 'open' || this.inReviewMode) return false;
    this.queued.push(answer);
    return this.flushInteractions();
  }

  /** Writes the queued answers in order; stops at the first the platform refuses. */
  flushInteractions(): boolean {
    while (this.queued.length && this.state === 'open') {
      if (!this.writeInteraction(this.queued[0]!)) return false;
      this.queued.shift();
    }
    return true;
  }

  private queued: InteractionRecord[] = [];
  /** The index of the next interaction: after those the platform already holds (a resumed attempt). */
  private next?: number;

  private writeInteraction(answer: InteractionRecord): boolean {
    const t = this.table.interactions;
    // After the interactions the platform already holds; a count it cannot give is asked again next time.
    const counted = this.next ?? Number.parseInt(this.getRaw(t.count), 10);
    const n = Number.isFinite(counted) && counted > 0 ? counted : 0;
    const id =
      this.version === '1.2'
        ? answer.id.join('_').replace(/[^A-Za-z0-9_-]/g, '-')
        : `urn:beyond-stigma:${answer.id.map(encodeURIComponent).join(':')}`;
    const letter = (i: number) => String.fromCharCode(97 + i);
    const fields: Array<[string, string]> = [
      ['id', id.slice(0, this.table.limits.identifier)],
      ['type', 'choice'],
      [t.response, letter(answer.response)],
      ['result', t.results[answer.result]],
    ];
    if (answer.correct !== undefined) fields.push(['correct_responses.0.pattern', letter(answer.correct)]);
    if (t.description && answer.description) fields.push([t.description, answer.description.slice(0, 250)]);
    for (const [field, value] of fields) if (!this.setElement(`${t.prefix}${n}.${field}`, value)) return false;
    this.next = n + 1;
    return true;
  }

  /** Reads any cmi path, guarded (also used for learner comments, see comments.ts). */
  getRaw(element: string): string {
    if (this.state !== 'open') return '';
    try {
      const value = this.raw('getValue', element);
      return value == null ? '' : String(value);
    } catch {
      return '';
    }
  }

  /** Writes any cmi path, guarded; the caller checks the session is open. */
  setElement(element: string, value: string): boolean {
    try {
      const ok = truthy(this.raw('setValue', element, value));
      const code = this.lastError();
      if (!ok || (code !== '0' && code !== '')) return this.fail('setValue', code, `the platform refused ${element}`, element);
      return true;
    } catch (e) {
      return this.fail('setValue', 'exception', String(e), element);
    }
  }

  /** Whether the learner arrived resuming a suspended attempt. */
  get resumed(): boolean {
    return this.get('entry') === this.table.vocabulary.entryResume;
  }

  /**
   * Ends the session once: session time always set first, exit `suspend` unless the attempt
   * is finished. Safe to call more than once; nothing is called afterwards.
   */
  finish(finishedAttempt: boolean): void {
    if (this.state !== 'open') return;
    this.set('sessionTime', formatSessionTime(Math.max(1000, this.now() - this.startedAt), this.version));
    this.set('exit', finishedAttempt ? this.table.vocabulary.exitNormal : this.table.vocabulary.exitSuspend);
    this.state = 'finished';
    try {
      this.raw('terminate', '');
    } catch {
      // The window is going away; there is no one left to tell.
    }
  }
}
