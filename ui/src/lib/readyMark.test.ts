import { describe, expect, it } from 'vitest';
import { CLIENT_LIST_READY, markClientListReady } from './readyMark';

describe('markClientListReady', () => {
  it('marks the first time only, so the mark is the moment of the first list', () => {
    const marks: string[] = [];
    const perf = {
      mark: (name: string) => {
        marks.push(name);
        return {} as PerformanceMark;
      },
      getEntriesByName: (name: string) => marks.filter((m) => m === name).map(() => ({}) as PerformanceEntry),
    };
    markClientListReady(perf);
    markClientListReady(perf);
    expect(marks).toEqual([CLIENT_LIST_READY]);
  });
});
