import { readFileSync } from 'node:fs';
import { checkDialogue } from '../../src/content-rules/dialogueRules.ts';
import type { DialogueDefinition } from '../../src/schemas/dialogue.ts';

/** The valid fixture dialogue, parsed through the real rules. */
export function fixtureDialogue(): DialogueDefinition {
  const text = readFileSync(new URL('../fixtures/valid.dialogue.yaml', import.meta.url), 'utf8');
  const { data, problems } = checkDialogue('valid.dialogue.yaml', text, new Set(['ref-one', 'ref-two']));
  if (!data) throw new Error(problems.map((p) => p.message).join('\n'));
  return data;
}
