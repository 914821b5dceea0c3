import { describe, expect, it } from 'vitest';
import { CLIENT_LIST_READY, CORE_ASKED, markClientListReady, markStartStep } from './readyMark';

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

describe('markClientListReady', () => {
  it('marks the first time only, so the mark is the moment of the first list', () => {
    const { marks, perf } = recordingMarks();
    markClientListReady(perf);
    markClientListReady(perf);
    expect(marks).toEqual([CLIENT_LIST_READY]);
  });
});

describe('markStartStep', () => {
  it('marks each step once, whatever the order of later calls', () => {
    const { marks, perf } = recordingMarks();
    markStartStep(CORE_ASKED, perf);
    markClientListReady(perf);
    markStartStep(CORE_ASKED, perf);
    expect(marks).toEqual([CORE_ASKED, CLIENT_LIST_READY]);
  });
});
