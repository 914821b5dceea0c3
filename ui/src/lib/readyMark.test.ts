import { describe, expect, it } from 'vitest';
import {
  CLIENT_LIST_PAINTED,
  CLIENT_LIST_READY,
  CORE_ASKED,
  afterNextPaint,
  markClientListReady,
  markStartStep,
} from './readyMark';

function recordingMarks() {
  const marks: string[] = [];
  const perf = {
    mark: (name: string) => {
      marks.push(name);
      return {} as PerformanceMark;
    },
    getEntriesByName: (name: string) => marks.filter((m) => m === name).map(() => ({}) as PerformanceEntry),
  };
  return { marks, perf };
}

/** Paints on demand: `paint()` runs every callback waiting for the next paint. */
function manualPaint() {
  let waiting: (() => void)[] = [];
  return {
    afterPaint: (then: () => void) => void waiting.push(then),
    paint: () => {
      const due = waiting;
      waiting = [];
      due.forEach((then) => then());
    },
  };
}

describe('markClientListReady', () => {
  it('marks the first time only, so the mark is the moment of the first list', () => {
    const { marks, perf } = recordingMarks();
    const { afterPaint, paint } = manualPaint();
    markClientListReady(perf, afterPaint);
    markClientListReady(perf, afterPaint);
    paint();
    expect(marks).toEqual([CLIENT_LIST_READY, CLIENT_LIST_PAINTED]);
  });

  it('marks the list painted only once the next frame is painted', () => {
    const { marks, perf } = recordingMarks();
    const { afterPaint, paint } = manualPaint();
    markClientListReady(perf, afterPaint);
    expect(marks).toEqual([CLIENT_LIST_READY]);
    paint();
    expect(marks).toEqual([CLIENT_LIST_READY, CLIENT_LIST_PAINTED]);
  });
});

describe('afterNextPaint', () => {
  it('runs after a task queued from the frame callback, not in the callback itself', () => {
    const order: string[] = [];
    const frames: (() => void)[] = [];
    const tasks: (() => void)[] = [];
    afterNextPaint(
      () => order.push('after paint'),
      (callback) => frames.push(callback),
      (callback) => tasks.push(callback),
    );
    expect(order).toEqual([]);
    frames.forEach((callback) => callback());
    expect(order).toEqual([]);
    tasks.forEach((callback) => callback());
    expect(order).toEqual(['after paint']);
  });
});

describe('markStartStep', () => {
  it('marks each step once, whatever the order of later calls', () => {
    const { marks, perf } = recordingMarks();
    markStartStep(CORE_ASKED, perf);
    markClientListReady(perf, () => {});
    markStartStep(CORE_ASKED, perf);
    expect(marks).toEqual([CORE_ASKED, CLIENT_LIST_READY]);
  });
});
