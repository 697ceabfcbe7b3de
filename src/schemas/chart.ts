import { z } from 'astro/zod';
import { kebabId, prose } from './ids.ts';

export const CHART_SCHEMA_VERSION = 1;

/**
 * The longest bar label: each label sits on its own line above its bar, at full text size, and
 * must fit a 320 px screen without wrapping.
 */
export const MAX_BAR_LABEL = 28;

export const bar = z.strictObject({
  /** What this bar is, in a few words: "Weeks 1–2 after leaving". */
  label: prose.max(MAX_BAR_LABEL, { message: `must be at most ${MAX_BAR_LABEL} characters, to fit one line on a phone` }),
  /** The number, in the unit named by `valueHeading`. */
  value: z.number().min(0),
  /** Optional detail shown in the data table only (a confidence interval, a group size). */
  note: prose.optional(),
});

/** content/lessons/<lesson-id>/charts/<chart-id>.chart.yaml: a horizontal bar chart. */
export const chart = z.strictObject({
  schemaVersion: z.literal(CHART_SCHEMA_VERSION, { message: `schemaVersion must be ${CHART_SCHEMA_VERSION}` }),
  /** Stable id; equals the file name. */
  id: kebabId,
  /** The chart's heading. */
  title: prose,
  /** What the chart shows, in one or two sentences: shown above it and read as its text alternative. */
  summary: prose,
  /** Heading of the data table's first column: what the bars are. */
  categoryHeading: prose,
  /** What the numbers are, with their unit: the data table's second column heading. */
  valueHeading: prose,
  /** At most this many decimal places are shown (0 to 3); values are shown as written, so 0.7 stays 0.7. */
  decimals: z.number().int().min(0).max(3).default(1),
  /** Two to twelve bars, drawn in this order from the top. */
  bars: z.array(bar).min(2).max(12),
  /** Who and where the data come from, in one line: "UK primary care, 1990–2005, 5,577 patients". */
  source: prose,
  /** Reference ids for the numbers; each must be in the lesson's `references`. */
  refs: z.array(kebabId).min(1, { message: 'needs at least one reference id' }),
});

export type ChartDefinition = z.infer<typeof chart>;
