/**
 * Learner comments, used only for reflections the learner agreed to share: 1.2 keeps one
 * string (`cmi.comments`), 2004 a list (`cmi.comments_from_learner.n.*`), as cmiPaths.ts says.
 * Loaded only when the learner shares, so lesson pages do not carry it.
 */
import { COMMENTS } from './cmiPaths.ts';
import type { ScormSession } from './session.ts';

/**
 * Writes one comment per location (a lesson id), replacing what this course wrote there
 * before. Comments hold no line breaks (2004's type forbids them). 1.2: the comments are
 * joined with " || " and cut to the limit; 2004: one entry per location, each
 * cut to the limit. A comment the platform already holds word for word is not written again
 * (some 1.2 platforms append rather than replace). False when the platform refused a value.
 * Nothing is written in review mode.
 */
export function writeComments(session: ScormSession, items: Array<{ location: string; text: string }>, now = new Date()): boolean {
  if (!session.isOpen || session.inReviewMode || !items.length) return false;
  const c = COMMENTS[session.version];
  if (c.kind === 'text') {
    const text = items.map((i) => i.text).join(' || ').slice(0, c.limit);
    return session.getRaw(c.element) === text || session.setElement(c.element, text);
  }
  const counted = Number.parseInt(session.getRaw(c.count), 10);
  let count = Number.isFinite(counted) && counted > 0 ? counted : 0;
  const existing = new Map<string, number>();
  for (let n = 0; n < count; n++) existing.set(session.getRaw(`${c.prefix}${n}.location`), n);
  const timestamp = now.toISOString().slice(0, 19);
  let ok = true;
  for (const item of items) {
    const text = item.text.slice(0, c.limit);
    let n = existing.get(item.location);
    if (n !== undefined && session.getRaw(`${c.prefix}${n}.comment`) === text) continue;
    if (n === undefined) n = count++;
    ok = session.setElement(`${c.prefix}${n}.comment`, text) && ok;
    ok = session.setElement(`${c.prefix}${n}.location`, item.location) && ok;
    ok = session.setElement(`${c.prefix}${n}.timestamp`, timestamp) && ok;
  }
  return ok;
}
