// @vitest-environment jsdom
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RowBars, WeekBars, WeekSteps } from '../../renderer/src/components/stats/charts';
import {
  barPath,
  barsInBand,
  countAxisWidth,
  countTicks,
  fitLabel,
  labelledWeeks,
  pathThrough,
  scaleOf,
  stepPoints,
} from '../../renderer/src/components/stats/scale';

afterEach(cleanup);

describe('count ticks', () => {
  it('give nothing counted yet an axis of 0–1, and whole numbers up to a round top at or above the largest', () => {
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(1)).toEqual([0, 1]);
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(5)).toEqual([0, 2, 4, 6]);
    expect(countTicks(1103)).toEqual([0, 500, 1000, 1500]);
    expect(countTicks(15_000)).toEqual([0, 5000, 10_000, 15_000]);
    expect(countTicks(20_707)).toEqual([0, 10_000, 20_000, 30_000]);
    for (const max of [0, 1, 7, 99, 101, 4321, 99_999]) {
      const ticks = countTicks(max);
      expect(ticks.length).toBeLessThanOrEqual(5);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect(ticks.every(Number.isInteger)).toBe(true);
    }
  });
});

describe('week labels', () => {
  it('label one week, every other of 12, and at most five of a year or of all time, ending at this week', () => {
    expect(labelledWeeks(1)).toEqual([0]);
    expect(labelledWeeks(12)).toEqual([1, 3, 5, 7, 9, 11]);
    expect(labelledWeeks(26)).toEqual([1, 5, 9, 13, 17, 21, 25]);
    expect(labelledWeeks(52)).toEqual([7, 18, 29, 40, 51]);
    // All time over six years: months and years, five of them, evenly apart.
    expect(labelledWeeks(320)).toEqual([63, 127, 191, 255, 319]);
    for (const count of [27, 104, 157, 520]) {
      const labelled = labelledWeeks(count);
      expect(labelled.length).toBeLessThanOrEqual(5);
      expect(labelled.at(-1)).toBe(count - 1);
      expect(new Set(labelled.slice(1).map((week, i) => week - labelled[i]!)).size).toBe(1);
    }
  });
});

describe('the geometry', () => {
  it('puts 0 at the axis, a y axis upside down, and never divides by a top of 0', () => {
    const y = scaleOf(1500, 166, 8);
    expect(y(0)).toBe(166);
    expect(y(1500)).toBe(8);
    expect(y(750)).toBe(87);
    expect(scaleOf(0, 44, 400)(0)).toBe(44);
  });

  it('lays bars in a week as the charts had them: at most 16 pixels, a pixel apart, centred', () => {
    const wide = barsInBand(50, 2, 1, 16);
    expect(wide.size).toBe(16);
    expect(wide.offset).toBeCloseTo((50 - 33) / 2);
    expect(barsInBand(30, 2, 1, 16).size).toBe(11.5);
    // All time on a narrow card: 300 weeks in 450 pixels still fit their week.
    const narrow = barsInBand(1.5, 2, 1, 16);
    expect(narrow.size).toBeGreaterThanOrEqual(0);
    expect(narrow.offset).toBeGreaterThanOrEqual(0);
  });

  it('draws no bar for a count of 0, and rounds a short bar no more than it can take', () => {
    expect(barPath(10, 100, 16, 0, 2, 'top')).toBe('');
    expect(barPath(10, 100, 0, 20, 2, 'right')).toBe('');
    expect(barPath(10, 99, 16, 1, 2, 'top')).toBe('M10,100V99.5Q10,99 10.5,99H25.5Q26,99 26,99.5V100Z');
    expect(barPath(0, 0, 30, 20, 0, 'right')).toBe('M0,0h30v20h-30Z');
  });

  it('steps the queue: level through each week and this one, never a curve', () => {
    expect(stepPoints([0], [5], 10)).toEqual([
      [0, 5],
      [10, 5],
    ]);
    const points = stepPoints([0, 10, 20], [3, 1, 2], 30);
    expect(points).toEqual([
      [0, 3],
      [10, 3],
      [10, 1],
      [20, 1],
      [20, 2],
      [30, 2],
    ]);
    expect(pathThrough(points)).toBe('M0,3L10,3L10,1L20,1L20,2L30,2');
    expect(stepPoints([], [], 0)).toEqual([]);
  });

  it('widens the count axis for counts longer than it had room for, and cuts long row names', () => {
    expect(countAxisWidth([0, 5000, 10_000, 15_000], 44)).toBe(44);
    expect(countAxisWidth([0, 100_000, 200_000], 44)).toBeGreaterThan(44);
    expect(fitLabel('learning', 112)).toBe('learning');
    const cut = fitLabel('Daily papers · Mar 13 from the long digest', 112);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(16);
  });
});

describe('the charts drawn', () => {
  // jsdom lays nothing out: the charts are given a card's width.
  const width = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth');
  beforeAll(() => Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 500 }));
  afterAll(() => {
    if (width) Object.defineProperty(HTMLElement.prototype, 'clientWidth', width);
  });
  const texts = (selector: string) => [...document.querySelectorAll(selector)].map((t) => t.textContent);

  it('a week of nothing: an axis of 0–1, the week labelled, no bar', () => {
    render(
      <WeekBars
        height={220}
        series={[
          { name: 'Added', colour: 'second', values: [0] },
          { name: 'Read', colour: 'accent', values: [0] },
        ]}
        labels={[{ index: 0, text: 'Nov 30' }]}
        tooltipLabel={() => 'Week of Nov 30'}
      />,
    );
    expect(texts('.chart-axis-y text')).toEqual(['0', '1']);
    expect(texts('.chart-axis-x text')).toEqual(['Nov 30']);
    expect(document.querySelectorAll('.chart-bar')).toHaveLength(0);
    expect(texts('.chart-legend li')).toEqual(['Added', 'Read']);
    // Pointing at the week shows its figures beside the pointer; leaving the chart hides them.
    const svg = document.querySelector('.chart-svg')!;
    fireEvent.pointerMove(svg, { clientX: 200, clientY: 100 });
    expect(texts('.chart-tooltip p, .chart-tooltip li')).toEqual(['Week of Nov 30', 'Added : 0', 'Read : 0']);
    expect(document.querySelector('.chart-cursor')).not.toBeNull();
    fireEvent.pointerLeave(svg);
    expect(document.querySelector('.chart-tooltip')).toBeNull();
  });

  it('a year by week: a bar for each count, the queue stepped to the end of this week', () => {
    const values = Array.from({ length: 52 }, (_, week) => (week % 3 === 0 ? 0 : week));
    const labels = labelledWeeks(52).map((index) => ({ index, text: `w${index}` }));
    render(
      <>
        <WeekBars
          height={220}
          series={[{ name: 'Read', colour: 'accent', values }]}
          labels={labels}
          tooltipLabel={String}
        />
        <WeekSteps
          height={220}
          series={{ name: 'In the queue', colour: 'accent', values }}
          labels={labels}
          tooltipLabel={String}
        />
      </>,
    );
    expect(document.querySelectorAll('.chart-bar')).toHaveLength(values.filter((v) => v > 0).length);
    expect(texts('.chart-axis-y text').slice(0, 4)).toEqual(['0', '20', '40', '60']);
    const line = document.querySelector('.chart-line')!.getAttribute('d')!;
    expect(line).toMatch(/^M[\d.,L]+$/);
    // The plot ends 12 pixels short of the card's right edge, where this week's step ends.
    expect(line.endsWith(`L488,${line.split(',').at(-1)}`)).toBe(true);
  });

  it('rows stacked read then not read, named on the left', () => {
    render(
      <RowBars
        height={140}
        names={['privacy', 'a source with a very long name indeed']}
        series={[
          { name: 'Read', colour: 'accent', values: [3, 0] },
          { name: 'Not read', colour: 'second', values: [2, 4] },
        ]}
        labelWidth={120}
        widest={20}
        legend
      />,
    );
    expect(texts('.chart-rows text')).toEqual(['privacy', expect.stringMatching(/^a source with.*…$/)]);
    expect(document.querySelectorAll('.chart-accent .chart-bar')).toHaveLength(1);
    expect(document.querySelectorAll('.chart-second .chart-bar')).toHaveLength(2);
    expect(texts('.chart-axis-x text')).toEqual(['0', '2', '4', '6']);
  });
});
