/** Words shown for qualities and outcomes: meaning is always in text, never colour alone. */
import type { Outcome, Quality } from '../schemas/dialogue.ts';

export const QUALITY_LABEL: Record<Quality, string> = {
  best: 'Best response',
  acceptable: 'Acceptable, but could be better',
  harmful: 'Likely to cause harm',
  neutral: 'An open question: not scored',
};

/** NHS.UK tag colours for each quality (the label text carries the meaning). */
export const QUALITY_TAG: Record<Quality, string> = {
  best: 'nhsuk-tag--green',
  acceptable: 'nhsuk-tag--yellow',
  harmful: 'nhsuk-tag--red',
  neutral: 'nhsuk-tag--blue',
};

export const OUTCOME_LABEL: Record<Outcome, string> = {
  good: 'A good outcome',
  mixed: 'A mixed outcome',
  poor: 'A poor outcome',
};

/** A reference as the player cites it: its number in the lesson's list and its short name. */
export interface RefCite {
  n: number;
  short: string;
}
export type RefIndex = Record<string, RefCite>;
