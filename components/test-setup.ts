/**
 * jsdom lacks some browser APIs the chart library and the pickers call. Import this first in component tests that
 * render Tremor charts, the multi-select (it measures its chips), or scroll rows into view.
 */

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}

if (typeof globalThis.ResizeObserver === 'undefined') globalThis.ResizeObserver = ResizeObserverStub;
if (typeof Element !== 'undefined') {
  if (!Element.prototype.getAnimations) Element.prototype.getAnimations = () => [];
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => {};
}
