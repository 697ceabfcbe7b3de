/**
 * The fault matrix: what goes wrong between a course and a learning platform, and what the
 * learner sees and keeps when it does. Each row is tested in both SCORM versions against the
 * test LMS (faults.spec.ts), and README's "Fault matrix" table is checked against this list
 * (tests/unit/faultMatrix.test.ts), so the two cannot drift apart.
 */
export interface FaultRow {
  id: string;
  fault: string;
  outcome: string;
}

export const FAULT_MATRIX: readonly FaultRow[] = [
  {
    id: 'no-api',
    fault: 'No API at all (the package opened outside a platform)',
    outcome: 'The course works and keeps progress in this browser; a notice says no platform was found and that the platform will not record this. Reopened, it resumes where the learner was.',
  },
  {
    id: 'initialize-false',
    fault: 'Initialize returns false',
    outcome: 'Progress is kept in this browser; a notice says the platform did not start a session. Reopened, it resumes where the learner was.',
  },
  {
    id: 'setvalue-false',
    fault: 'SetValue returns false',
    outcome: 'A notice says the platform did not save; progress (and any refused answer record) is kept and sent again at the next step, and the notice goes when that save succeeds. The platform ends with every decision and every interaction, in order, with no gap.',
  },
  {
    id: 'setvalue-error',
    fault: 'SetValue returns true but sets an error code',
    outcome: 'Treated as a refusal: as for SetValue returning false.',
  },
  {
    id: 'interactions-refused',
    fault: 'The platform refuses answer records (interactions) but saves progress',
    outcome: 'No warning: the progress is saved. The refused records are sent again, in order, at each save, and reach the platform with no gap once it takes them.',
  },
  {
    id: 'commit-false',
    fault: 'Commit returns false',
    outcome: 'As for SetValue returning false; one attempt per step, no retry loop.',
  },
  {
    id: 'api-throws',
    fault: 'The API throws (from the start, or mid-session)',
    outcome: 'Nothing is thrown at the learner. From the start: as for Initialize returning false. Mid-session: as for a refused save.',
  },
  {
    id: 'commit-alert',
    fault: "Commit fails with an alert() (NHS Learning Hub's way)",
    outcome: "The platform's alert appears once per failed save; the course's own notice says what happened; the next save carries everything.",
  },
  {
    id: 'slow',
    fault: 'A slow platform (each commit takes 1.5 seconds)',
    outcome: 'No notice (nothing failed). Clicks made while the platform is busy are neither lost nor doubled; every decision reaches the platform in order.',
  },
  {
    id: 'closed',
    fault: 'The window closed mid-dialogue',
    outcome: 'Exit is "suspend" with one finish; relaunched, the learner is at the same point with the conversation so far.',
  },
  {
    id: 'offline',
    fault: 'Offline during a commit',
    outcome: 'A notice says the platform did not save; progress is kept in this browser; the first commit after the connection returns carries everything, and the notice goes.',
  },
  {
    id: 'corrupt',
    fault: 'Suspend data that is corrupt',
    outcome: 'The course starts afresh, saying why; a copy of what could not be read is kept in this browser.',
  },
  {
    id: 'older-version',
    fault: 'Suspend data from an older content version',
    outcome: "The learner resumes at the same point; a notice says the course changed since their progress was saved and lists the author's change notes since that version; a copy of the old progress is kept; the next save carries the new version.",
  },
  {
    id: 'removed-node',
    fault: 'A node that an update removed',
    outcome: 'The conversation resumes at the last point that still matches and says it changed; nothing else is lost.',
  },
  {
    id: 'double-click',
    fault: 'A double click on a choice',
    outcome: 'One answer and one interaction; the second click does not choose anything else or skip ahead.',
  },
  {
    id: 'back-forward',
    fault: 'Browser back and forward',
    outcome: 'Each page shows the progress made; the launch keeps one platform session (one Initialize, one finish).',
  },
  {
    id: 'two-tabs',
    fault: 'The lesson open in two tabs',
    outcome: 'Each tab says the course is open in another; each takes in what the other saves, so whichever closes last saves the progress of both.',
  },
  {
    id: 'idle-end',
    fault: 'The platform ends the session after idle time',
    outcome: 'Every later save is refused: a notice says so; progress is kept in this browser; relaunched from the platform on this computer, the learner is back at the furthest point.',
  },
];
