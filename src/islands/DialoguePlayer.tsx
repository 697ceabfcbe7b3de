/**
 * Plays one dialogue. Renders the machine's snapshot as a conversation: a transcript with
 * speaker names, the current choices as real buttons, feedback with its sources, endings.
 * Focus moves to what is new (the prompt, the feedback, the ending); the new lines are
 * announced once through a polite live region. Progress is restored from, and saved to, the
 * page's course store.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useFocusAfterRender } from './useFocusAfterRender.ts';
import { findHost } from '../../scorm/runtime/host.ts';
import { createActor } from 'xstate';
import type { DialogueChoice, DialogueDefinition, DialogueNode } from '../schemas/dialogue.ts';
import { createDialogueMachine, viewOf, type DialogueEvent, type DialogueSnapshot } from '../engine/createDialogueMachine.ts';
import { decisionsToEnd, nodeMap } from '../engine/dialogueGraph.ts';
import { encodeSteps, replay } from '../engine/progress.ts';
import { OUTCOME_LABEL, QUALITY_LABEL, QUALITY_TAG, type RefIndex } from './labels.ts';
import { Sources } from './Sources.tsx';
import { useCourseStore } from './useCourseStore.ts';

interface Props {
  lessonId: string;
  definition: DialogueDefinition;
  refs: RefIndex;
  /** This dialogue's place among the lesson's parts (dialogues and the knowledge check). */
  part: { index: number; total: number };
}

type Focus = 'prompt' | 'feedback' | 'ending' | 'confirm' | 'restart';

export default function DialoguePlayer({ lessonId, definition: def, refs, part }: Props) {
  const machine = useMemo(() => createDialogueMachine(def), [def]);
  const nodes = useMemo(() => nodeMap(def), [def]);
  const ahead = useMemo(() => decisionsToEnd(nodes), [nodes]);
  const characters = useMemo(() => new Map(def.characters.map((c) => [c.id, c])), [def]);
  const [actor, setActor] = useState(() => createActor(machine).start());
  const [snapshot, setSnapshot] = useState(() => actor.getSnapshot());
  const [restored, setRestored] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [confirmingRestart, setConfirmingRestart] = useState(false);
  const { root, focusAfterRender } = useFocusAfterRender<HTMLElement>();
  // A lesson package holds one lesson, not the page of maps.
  const [showMapLink, setShowMapLink] = useState(false);
  useEffect(() => setShowMapLink((findHost(window)?.scope ?? 'course') === 'course'), []);
  const focusNext = (target: Focus) => focusAfterRender(`[data-focus="${target}"]`);
  const { store, snapshot: storeSnapshot, failed: storeFailed } = useCourseStore();
  // Until saved progress is restored (or cannot be), the choices are disabled: a click on
  // server-rendered buttons before the script runs would otherwise be silently lost.
  const ready = restored || Boolean(storeFailed);

  // Resume: replay the saved choices once the store has connected, and again whenever the
  // saved path is not the one shown (another tab of the course went further). A path the
  // dialogue no longer accepts (its content changed) stops at the last point that matches.
  const savedCode = storeSnapshot?.progress.lessons[lessonId]?.dialogues[def.id]?.code ?? '';
  const [changed, setChanged] = useState(false);
  useEffect(() => {
    if (!store) return;
    // Read now, not from the render: a choice made between the render and this effect has
    // already moved both the store and the actor on, and must not be undone.
    const saved = store.get().progress.lessons[lessonId]?.dialogues[def.id]?.code ?? '';
    if (saved !== encodeSteps(def, actor.getSnapshot().context.steps)) {
      const result = replay(def, saved, machine);
      actor.stop();
      setActor(result.actor);
      setSnapshot(result.actor.getSnapshot());
      setChanged(!result.complete);
    }
    setRestored(true);
  }, [store, savedCode]);

  useEffect(() => {
    const subscription = actor.subscribe(setSnapshot);
    return () => subscription.unsubscribe();
  }, [actor]);

  // Save every change (after the restore, so a fresh page never overwrites saved progress).
  const saveSnapshot = (current: DialogueSnapshot) => {
    if (!store || !restored) return;
    const previous = store.get().progress.lessons[lessonId]?.dialogues[def.id];
    store.setDialogue(lessonId, def.id, {
      code: encodeSteps(def, current.context.steps),
      done: Boolean(previous?.done) || current.hasTag('ending'),
    });
  };
  useEffect(() => {
    saveSnapshot(snapshot);
  }, [snapshot, store, restored]);

  const view = viewOf(def, snapshot);
  const steps = snapshot.context.steps;
  const choiceOf = (node: DialogueNode | undefined, id: string | undefined) => node?.choices?.find((c) => c.id === id);

  const linesText = (node: DialogueNode) =>
    [node.narration, ...(node.lines ?? []).map((l) => `${characters.get(l.speaker)?.name ?? l.speaker}: ${l.text}`)]
      .filter(Boolean)
      .join(' ');

  const act = (event: DialogueEvent) => {
    // The first answer at a decision is the one recorded: on the platform, as an interaction.
    const before = viewOf(def, actor.getSnapshot());
    if (event.type === 'CHOOSE' && before.phase === 'choosing' && before.tried.length === 0) {
      const choices = before.node.choices ?? [];
      const index = choices.findIndex((c) => c.id === event.choice);
      const quality = choices[index]?.quality;
      store?.recordAnswer({
        id: [lessonId, def.id, before.node.id],
        response: index,
        result: quality === 'best' ? 'correct' : quality === 'harmful' ? 'wrong' : 'neutral',
        description: before.node.prompt ?? 'What do you do?',
      });
    }
    actor.send(event);
    // Saved at once, not after the next render: a learner who chooses and leaves straight away
    // keeps the choice (the effect above then finds nothing new to save).
    saveSnapshot(actor.getSnapshot());
    const next = viewOf(def, actor.getSnapshot());
    setConfirmingRestart(false);
    if (next.phase === 'feedback' && next.selected) {
      focusNext('feedback');
      // Focus lands on the heading, which names the quality; the live region reads the rest once.
      setAnnouncement(`${next.selected.feedback.consequence} ${next.selected.feedback.reason}`);
    } else if (next.phase === 'ending' && next.node.ending) {
      focusNext('ending');
      setAnnouncement(`${linesText(next.node)} ${next.node.ending.summary}`.trim());
    } else {
      focusNext('prompt');
      setAnnouncement(event.type === 'RETRY' ? 'Choose another answer.' : linesText(next.node));
    }
  };

  // How far through: decisions made on this path, and the range still ahead.
  const decisionsMade = steps.filter((s) => nodes.get(s.node)?.choices?.length).length;
  const range = ahead.get(view.node.id) ?? { min: 0, max: 0 };
  const current = view.phase === 'ending' ? 0 : 1;
  const lowTotal = decisionsMade - current + range.min;
  const highTotal = decisionsMade - current + range.max;
  const progressText =
    view.phase === 'ending'
      ? `Conversation finished after ${decisionsMade} decisions`
      : `Decision ${decisionsMade} of ${lowTotal === highTotal ? lowTotal : `${lowTotal} to ${highTotal}`}`;

  const headingId = `${def.id}-title`;
  const recordedAnswers = steps
    .map((s) => ({ node: nodes.get(s.node), choice: choiceOf(nodes.get(s.node), s.tried[0]) }))
    .filter((a): a is { node: DialogueNode; choice: DialogueChoice } => Boolean(a.node && a.choice));
  const notice = storeSnapshot?.notice;
  const doneBefore = Boolean(storeSnapshot?.progress.lessons[lessonId]?.dialogues[def.id]?.done);

  return (
    <section class="bs-section bs-dialogue" id={def.id} aria-labelledby={headingId} ref={root} data-phase={view.phase} data-node={view.node.id}>
      <h2 id={headingId} class="nhsuk-heading-l">
        {def.title}
      </h2>
      <p>{def.summary}</p>
      <p class="bs-meta">
        <span>
          Part {part.index} of {part.total} in this lesson
        </span>
        <span aria-hidden="true"> · </span>
        <span data-testid="decision-progress">{progressText}</span>
      </p>
      <p class="bs-small">
        <span class="nhsuk-u-visually-hidden">People in this conversation: </span>
        {def.characters.map((c, i) => (
          <span key={c.id}>
            {i > 0 && ', '}
            <strong>{c.name}</strong> ({c.role})
          </span>
        ))}
      </p>

      <div class="nhsuk-u-visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
        {announcement}
      </div>

      <ol class="bs-transcript" aria-label="The conversation so far">
        {steps.map((step, i) => {
          const node = nodes.get(step.node);
          if (!node) return null;
          const isCurrent = i === steps.length - 1;
          const continued = isCurrent ? undefined : choiceOf(node, step.tried.at(-1));
          const recorded = choiceOf(node, step.tried[0]);
          return (
            <li class="bs-turn" key={`${i}-${step.node}`}>
              {node.narration && <p class="bs-turn__narration">{node.narration}</p>}
              {node.lines?.map((line, j) => {
                const who = characters.get(line.speaker);
                return (
                  <div class="bs-line" key={j} data-speaker={line.speaker}>
                    <span class="bs-speaker">
                      {who?.name}
                      <span class="bs-speaker__role">, {who?.role}</span>
                      <span class="nhsuk-u-visually-hidden">:</span>
                    </span>
                    <p>{line.text}</p>
                  </div>
                );
              })}
              {continued && (
                <>
                  <div class="bs-line bs-line--you">
                    <span class="bs-speaker">You</span>
                    <p>{continued.label}</p>
                  </div>
                  <div class="bs-turn__after">
                    {recorded && recorded.id !== continued.id && (
                      <p class="nhsuk-u-margin-bottom-2">
                        Your first answer here, the one recorded, was: “{recorded.label}” ({QUALITY_LABEL[recorded.quality].toLowerCase()}).
                      </p>
                    )}
                    <details class="nhsuk-details nhsuk-u-margin-bottom-0">
                      <summary class="nhsuk-details__summary">
                        <span class="nhsuk-details__summary-text">Feedback: {QUALITY_LABEL[continued.quality].toLowerCase()}</span>
                      </summary>
                      <div class="nhsuk-details__text">
                        <p>{continued.feedback.consequence}</p>
                        <p>{continued.feedback.reason}</p>
                        <Sources ids={continued.feedback.refs} refs={refs} />
                      </div>
                    </details>
                  </div>
                </>
              )}
            </li>
          );
        })}
      </ol>

      {view.phase === 'choosing' && view.node.choices && (
        <div class="bs-decision">
          <h3 class="nhsuk-heading-m" id={`${def.id}-prompt`} tabIndex={-1} data-focus="prompt">
            {view.node.prompt ?? 'What do you do?'}
          </h3>
          {view.tried.length > 0 && (
            <p class="bs-decision__hint">Your first answer here is already recorded. Choose another to see where it leads.</p>
          )}
          <div class="bs-choices" role="group" aria-labelledby={`${def.id}-prompt`}>
            {view.node.choices.map((c) => {
              const tried = view.tried.includes(c.id);
              return (
                <button type="button" class="bs-choice" key={c.id} disabled={tried || !ready} data-choice={c.id} onClick={() => act({ type: 'CHOOSE', choice: c.id })}>
                  {c.label}
                  {tried && <span> (you tried this)</span>}
                </button>
              );
            })}
          </div>
        </div>
      )}

      {view.phase === 'feedback' && view.selected && (
        <section class={`bs-feedback bs-quality--${view.selected.quality}`} aria-labelledby={`${def.id}-feedback`}>
          <h3 id={`${def.id}-feedback`} class="nhsuk-heading-m" tabIndex={-1} data-focus="feedback">
            {QUALITY_LABEL[view.selected.quality]}
          </h3>
          <div class="bs-line bs-line--you">
            <span class="bs-speaker">You</span>
            <p>{view.selected.label}</p>
          </div>
          <h4 class="nhsuk-heading-s nhsuk-u-margin-bottom-1">What happens</h4>
          <p>{view.selected.feedback.consequence}</p>
          <h4 class="nhsuk-heading-s nhsuk-u-margin-bottom-1">Why</h4>
          <p>{view.selected.feedback.reason}</p>
          <Sources ids={view.selected.feedback.refs} refs={refs} />
          <p class="bs-small" data-testid="recorded-note">
            {view.recorded && view.recorded.id !== view.selected.id
              ? `Your first answer at this point (“${view.recorded.label}”) is the one recorded. Continue to follow this answer instead.`
              : 'This is your first answer here, so it is the one recorded. You can try another answer to see what would have happened.'}
          </p>
          <div class="nhsuk-button-group">
            <button type="button" class="nhsuk-button" data-action="continue" onClick={() => act({ type: 'CONTINUE' })}>
              Continue
            </button>
            {view.tried.length < (view.node.choices?.length ?? 0) && (
              <button type="button" class="nhsuk-button nhsuk-button--secondary" data-action="retry" onClick={() => act({ type: 'RETRY' })}>
                Try another answer
              </button>
            )}
          </div>
        </section>
      )}

      {view.phase === 'ending' && view.node.ending && (
        <section class={`bs-ending bs-outcome--${view.node.ending.outcome}`} aria-labelledby={`${def.id}-ending`}>
          <h3 id={`${def.id}-ending`} class="nhsuk-heading-m" tabIndex={-1} data-focus="ending">
            {OUTCOME_LABEL[view.node.ending.outcome]}: {view.node.ending.title}
          </h3>
          <p>{view.node.ending.summary}</p>
          {showMapLink && (
            <p class="bs-link-block">
              <a href={`../maps.html#map-${def.id}`}>See every path you could have taken</a>
            </p>
          )}
          <h4 class="nhsuk-heading-s">Your first answer at each point</h4>
          <dl class="nhsuk-summary-list" data-testid="recorded-answers">
            {recordedAnswers.map(({ node, choice }) => (
              <div class="nhsuk-summary-list__row" key={node.id}>
                <dt class="nhsuk-summary-list__key">{node.prompt ?? 'What do you do?'}</dt>
                <dd class="nhsuk-summary-list__value">
                  “{choice.label}” <strong class={`nhsuk-tag ${QUALITY_TAG[choice.quality]}`}>{QUALITY_LABEL[choice.quality]}</strong>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      {changed && (
        <p class="bs-notice" role="status">
          This conversation has changed since your progress was saved. It carries on from the last point that still matches what you chose.
        </p>
      )}
      {storeFailed && (
        <p class="bs-notice" role="alert">
          Your progress could not be connected, so this conversation will not be saved. You can still work through it.
        </p>
      )}
      {notice && notice.tone === 'warning' && (
        <p class="bs-notice" role="alert">
          {notice.text}
        </p>
      )}

      {(steps.length > 1 || view.tried.length > 0) && (
        <div class="bs-restart">
          {!confirmingRestart ? (
            <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-2" data-focus="restart" onClick={() => { focusNext('confirm'); setConfirmingRestart(true); }}>
              Start this conversation again
            </button>
          ) : (
            <div role="group" aria-labelledby={`${def.id}-confirm`}>
              <p id={`${def.id}-confirm`} tabIndex={-1} data-focus="confirm">
                Start this conversation again from the beginning?
                {doneBefore ? ' It stays marked as finished.' : ''}
              </p>
              <div class="nhsuk-button-group">
                <button type="button" class="nhsuk-button" onClick={() => act({ type: 'RESTART' })}>
                  Yes, start again
                </button>
                <button type="button" class="nhsuk-button nhsuk-button--secondary" onClick={() => { focusNext('restart'); setConfirmingRestart(false); }}>
                  Cancel
                </button>
              </div>
            </div>
          )}
        </div>
      )}
      <p class="bs-small bs-saved nhsuk-u-margin-bottom-0">
        {storeSnapshot?.kind === 'platform'
          ? 'Your progress is saved to your learning platform after every step.'
          : storeSnapshot
            ? 'Your progress is saved in this browser after every step.'
            : ''}
      </p>
    </section>
  );
}
