/**
 * The ONLY place where SCORM 1.2 and SCORM 2004 names differ. Everything else in the course
 * speaks the version-neutral keys below; any change here must support both versions.
 */
export type ScormVersion = '1.2' | '2004';

export interface VersionTable {
  /** The window property the LMS puts its API object on. */
  apiName: 'API' | 'API_1484_11';
  calls: {
    initialize: string;
    terminate: string;
    getValue: string;
    setValue: string;
    commit: string;
    getLastError: string;
  };
  /** Version-neutral element keys → cmi paths (null where the version has no such element). */
  elements: {
    location: string;
    suspendData: string;
    entry: string;
    exit: string;
    sessionTime: string;
    learnerName: string;
    learnerId: string;
    mode: string;
    /** 1.2 folds completion and success into one status; 2004 keeps two. */
    lessonStatus: string | null;
    completionStatus: string | null;
    successStatus: string | null;
    scoreRaw: string;
    scoreMin: string;
    scoreMax: string;
    scoreScaled: string | null;
  };
  /** `cmi.interactions.n.*`: what each version calls the fields, and its result words. */
  interactions: {
    count: string;
    prefix: string;
    response: 'student_response' | 'learner_response';
    /** 1.2 has no description; 2004 allows 250 characters. */
    description: string | null;
    results: { correct: string; wrong: string; neutral: string };
  };
  limits: { suspendData: number; location: number; identifier: number };
  vocabulary: {
    /** Exit value that asks the LMS to keep the attempt for resuming. */
    exitSuspend: string;
    /** Exit value for an attempt that is finished. */
    exitNormal: string;
    /** Modes in which the course must not change status. */
    reviewModes: string[];
    /** The value of `entry` on a resumed attempt. */
    entryResume: string;
  };
}

export const CMI: Record<ScormVersion, VersionTable> = {
  '1.2': {
    apiName: 'API',
    calls: {
      initialize: 'LMSInitialize',
      terminate: 'LMSFinish',
      getValue: 'LMSGetValue',
      setValue: 'LMSSetValue',
      commit: 'LMSCommit',
      getLastError: 'LMSGetLastError',
    },
    elements: {
      location: 'cmi.core.lesson_location',
      suspendData: 'cmi.suspend_data',
      entry: 'cmi.core.entry',
      exit: 'cmi.core.exit',
      sessionTime: 'cmi.core.session_time',
      learnerName: 'cmi.core.student_name',
      learnerId: 'cmi.core.student_id',
      mode: 'cmi.core.lesson_mode',
      lessonStatus: 'cmi.core.lesson_status',
      completionStatus: null,
      successStatus: null,
      scoreRaw: 'cmi.core.score.raw',
      scoreMin: 'cmi.core.score.min',
      scoreMax: 'cmi.core.score.max',
      scoreScaled: null,
    },
    interactions: {
      count: 'cmi.interactions._count',
      prefix: 'cmi.interactions.',
      response: 'student_response',
      description: null,
      results: { correct: 'correct', wrong: 'wrong', neutral: 'neutral' },
    },
    limits: { suspendData: 4096, location: 255, identifier: 255 },
    vocabulary: { exitSuspend: 'suspend', exitNormal: '', reviewModes: ['review', 'browse'], entryResume: 'resume' },
  },
  '2004': {
    apiName: 'API_1484_11',
    calls: {
      initialize: 'Initialize',
      terminate: 'Terminate',
      getValue: 'GetValue',
      setValue: 'SetValue',
      commit: 'Commit',
      getLastError: 'GetLastError',
    },
    elements: {
      location: 'cmi.location',
      suspendData: 'cmi.suspend_data',
      entry: 'cmi.entry',
      exit: 'cmi.exit',
      sessionTime: 'cmi.session_time',
      learnerName: 'cmi.learner_name',
      learnerId: 'cmi.learner_id',
      mode: 'cmi.mode',
      lessonStatus: null,
      completionStatus: 'cmi.completion_status',
      successStatus: 'cmi.success_status',
      scoreRaw: 'cmi.score.raw',
      scoreMin: 'cmi.score.min',
      scoreMax: 'cmi.score.max',
      scoreScaled: 'cmi.score.scaled',
    },
    interactions: {
      count: 'cmi.interactions._count',
      prefix: 'cmi.interactions.',
      response: 'learner_response',
      description: 'description',
      results: { correct: 'correct', wrong: 'incorrect', neutral: 'neutral' },
    },
    limits: { suspendData: 64000, location: 1000, identifier: 4000 },
    vocabulary: { exitSuspend: 'suspend', exitNormal: 'normal', reviewModes: ['review', 'browse'], entryResume: 'resume' },
  },
};

/**
 * Where learner comments go (used only for reflections the learner agreed to share): 1.2 has
 * one string, `cmi.comments`; 2004 a list, `cmi.comments_from_learner.n.*`. Kept apart from
 * the table above so that pages which never share do not carry it.
 */
export const COMMENTS: Record<ScormVersion, { kind: 'text'; element: string; limit: number } | { kind: 'list'; count: string; prefix: string; limit: number }> = {
  '1.2': { kind: 'text', element: 'cmi.comments', limit: 4096 },
  '2004': { kind: 'list', count: 'cmi.comments_from_learner._count', prefix: 'cmi.comments_from_learner.', limit: 4000 },
};
