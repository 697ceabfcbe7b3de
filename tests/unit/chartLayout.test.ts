/** Chart geometry from data alone: bars in proportion, the longest at a fixed share, values as written. */
import { expect, test } from 'vitest';
import { barChartLayout, formatValue, LONGEST_BAR_PERCENT } from '../../src/lib/chartLayout.ts';

const layout = (values: number[], decimals = 2) => barChartLayout({ decimals, bars: values.map((value, i) => ({ label: `bar ${i}`, value })) });

test('the longest bar takes the fixed share and the others are in proportion to it', () => {
  const { rows } = layout([0.7, 4.8, 2.4]);
  expect(rows[1]!.widthPercent).toBe(LONGEST_BAR_PERCENT);
  expect(rows[2]!.widthPercent).toBe(LONGEST_BAR_PERCENT / 2);
  expect(rows[0]!.widthPercent).toBeCloseTo((0.7 / 4.8) * LONGEST_BAR_PERCENT, 2);
});

test('each value is written just past the end of its bar, inside the drawing', () => {
  for (const r of layout([1, 10, 100]).rows) {
    expect(r.valueXPercent).toBeGreaterThan(r.widthPercent);
    expect(r.valueXPercent).toBeLessThan(100 - 10);
  }
});

test('zero draws no bar; a small value still draws a visible sliver', () => {
  const { rows } = layout([0, 0.001, 50]);
  expect(rows[0]!.widthPercent).toBe(0);
  expect(rows[1]!.widthPercent).toBeGreaterThan(0);
});

test('rows stack without overlapping, and the height holds them all', () => {
  const { rows, height } = layout([1, 2, 3, 4]);
  for (let i = 1; i < rows.length; i++) expect(rows[i]!.labelY - 17).toBeGreaterThanOrEqual(rows[i - 1]!.barY + rows[i - 1]!.barHeight);
  expect(height).toBe(rows.at(-1)!.barY + rows.at(-1)!.barHeight);
});

test('values are shown as the data give them, up to the decimals allowed, in UK style', () => {
  expect(formatValue(0.7, 2)).toBe('0.7');
  expect(formatValue(0.95, 2)).toBe('0.95');
  expect(formatValue(11, 1)).toBe('11');
  expect(formatValue(0.955, 2)).toBe('0.96');
  expect(formatValue(5577, 0)).toBe('5,577');
});
