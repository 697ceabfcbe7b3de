import { z } from 'astro/zod';
import { kebabId, prose } from './ids.ts';

/** The format version of dialogue files. Only the engine's authors change it. */
export const DIALOGUE_SCHEMA_VERSION = 1;

/** How a choice is judged. `neutral` is for genuinely open questions and is never scored. */
export const quality = z.enum(['best', 'acceptable', 'harmful', 'neutral']).describe(
  'best / acceptable / harmful judge practice (respectful, accurate, safe, keeps the person engaged); neutral marks an open question where the feedback gives each side',
);
export type Quality = z.infer<typeof quality>;

/** How things turned out for the person at an ending. */
export const outcome = z.enum(['good', 'mixed', 'poor']);
export type Outcome = z.infer<typeof outcome>;

export const character = z.strictObject({
  /** Stable id that lines refer to as `speaker`. */
  id: kebabId,
  /** Name shown beside every line the character speaks. */
  name: prose,
  /** Role shown with the name (e.g. "GP partner"), so speakers never depend on colour. */
  role: prose,
});

export const line = z.strictObject({
  /** A character id. */
  speaker: kebabId,
  /** What the character says. */
  text: prose,
  /**
   * Contested terms this character uses on purpose. The node's feedback must then deal with
   * them (checked by the language check).
   */
  intendedTerms: z.array(prose).optional(),
});

export const feedback = z.strictObject({
  /** What happens next because of this choice. */
  consequence: prose,
  /** Why: the principle or evidence behind the consequence. */
  reason: prose,
  /** Reference ids (from content/references.yaml) that support the reason. */
  refs: z.array(kebabId).min(1, { message: 'needs at least one reference id' }),
});

export const choice = z.strictObject({
  /** Stable id, unique within its node. */
  id: kebabId,
  /** What the learner sees on the button: the words they say, or what they do. */
  label: prose.max(240, { message: 'must be at most 240 characters' }),
  quality,
  /** The consequence, the reason and its sources. Every choice has feedback. */
  feedback,
  /** Id of the node this choice leads to. */
  next: kebabId,
});

export const ending = z.strictObject({
  outcome,
  /** A short heading for the ending. */
  title: prose,
  /** What this ending shows, in one short paragraph. */
  summary: prose,
});

export const node = z.strictObject({
  /** Stable id, unique in the dialogue. */
  id: kebabId,
  /** Scene-setting in the narrator's voice. Never uses a stigmatising label. */
  narration: prose.optional(),
  /** What characters say, in order. */
  lines: z.array(line).optional(),
  /** The question above the choices. */
  prompt: prose.optional(),
  /** A decision: at least two things the learner can say or do. */
  choices: z.array(choice).min(2, { message: 'a decision needs at least 2 choices' }).optional(),
  /** An ending: a node with an ending has no choices. */
  ending: ending.optional(),
});

export const dialogue = z.strictObject({
  /** Format version of this file. */
  schemaVersion: z.literal(DIALOGUE_SCHEMA_VERSION, {
    message: `schemaVersion must be ${DIALOGUE_SCHEMA_VERSION}`,
  }),
  /** Stable id; equals the file name without `.dialogue.yaml`. */
  id: kebabId,
  /** The dialogue's heading. */
  title: prose,
  /** One or two sentences shown before the learner starts. */
  summary: prose,
  /** Everyone who speaks. The learner is never listed. */
  characters: z.array(character).min(1),
  /** Id of the first node. */
  start: kebabId,
  /** The conversation: decisions and endings. */
  nodes: z.array(node).min(1),
});

export type DialogueDefinition = z.infer<typeof dialogue>;
export type DialogueNode = z.infer<typeof node>;
export type DialogueChoice = z.infer<typeof choice>;
export type Character = z.infer<typeof character>;
