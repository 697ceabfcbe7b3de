/**
 * Every chart in the content, as a learner meets it: generated from the chart files, so a new
 * chart is tested without anyone writing a test. The drawing is named and described for
 * assistive technology, its bars and table carry exactly the data, its sources link to the
 * lesson's references, and at 320 px every label and value is inside the drawing at full size.
 */
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { loadContentOrThrow } from '../../src/content-rules/contentFiles.ts';
import { barChartLayout, formatValue } from '../../src/lib/chartLayout.ts';

const { charts } = loadContentOrThrow({ root: fileURLToPath(new URL('../..', import.meta.url)) });

test('the course has charts to test', () => expect(charts.length).toBeGreaterThan(0));

for (const { lesson, definition: chart } of charts) {
  test(`${lesson}/${chart.id}: named, described, drawn and tabulated from its data`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`lessons/${lesson}.html`);
    const figure = page.locator(`figure#chart-${chart.id}`);
    await expect(figure).toHaveCount(1);
    const drawing = figure.getByRole('img', { name: chart.title, exact: true });
    await expect(drawing).toHaveAccessibleDescription(chart.summary);

    // The bars: one per data point, in order, each as long as its share of the longest.
    const { rows } = barChartLayout(chart);
    await expect(figure.locator('rect.bs-chart__bar')).toHaveCount(chart.bars.length);
    for (const [i, row] of rows.entries()) {
      await expect(figure.locator('rect.bs-chart__bar').nth(i)).toHaveAttribute('width', `${row.widthPercent}%`);
      await expect(figure.locator('text.bs-chart__label').nth(i)).toHaveText(chart.bars[i]!.label);
      await expect(figure.locator('text.bs-chart__value').nth(i)).toHaveText(formatValue(chart.bars[i]!.value, chart.decimals));
    }

    // The table: the same numbers, with headers a screen reader announces.
    const table = figure.getByRole('table');
    await expect(table.getByRole('columnheader').first()).toHaveText(chart.categoryHeading);
    await expect(table.getByRole('columnheader').nth(1)).toHaveText(chart.valueHeading);
    const body = table.locator('tbody tr');
    await expect(body).toHaveCount(chart.bars.length);
    for (const [i, bar] of chart.bars.entries()) {
      await expect(body.nth(i).getByRole('rowheader')).toHaveText(bar.label);
      await expect(body.nth(i).locator('td').first()).toHaveText(formatValue(bar.value, chart.decimals));
      if (bar.note) await expect(body.nth(i)).toContainText(bar.note);
    }

    // Sources: each cited reference is a link to an entry in the lesson's list.
    for (const ref of chart.refs) {
      await expect(figure.locator(`.bs-chart__source a[href="#ref-${ref}"]`)).toHaveCount(1);
      await expect(page.locator(`[id="ref-${ref}"]`)).toHaveCount(1);
    }

    // At 320 px the text is drawn at its real size and nothing falls outside the drawing.
    const overflow = await drawing.evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('text')]
        .map((t) => ({ text: t.textContent, r: t.getBoundingClientRect(), size: parseFloat(getComputedStyle(t).fontSize) }))
        .filter(({ r, size }) => r.left < box.left - 0.5 || r.right > box.right + 0.5 || size < 16)
        .map(({ text }) => text);
    });
    expect(overflow, 'labels or values outside the drawing or below 16 px at 320 px wide').toEqual([]);
  });
}
