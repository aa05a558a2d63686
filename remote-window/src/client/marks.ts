/// <reference lib="dom" />
// Named moments (ms since the epoch, the same clock in every page of the machine) for the page's
// diagnostics, the tests and the join benchmark: e.g. joinClick, hello, admitted, firstFrame.

export const marks: Record<string, number> = {};

export function mark(name: string, only = true): void {
  if (only && name in marks) return;
  marks[name] = performance.timeOrigin + performance.now();
}
