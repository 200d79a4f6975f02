import '@testing-library/jest-dom';

// antd reads these browser APIs that jsdom does not implement.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(window as unknown as { ResizeObserver: unknown }).ResizeObserver = NoResizeObserver;
// jsdom implements getComputedStyle without pseudo-elements (antd asks for ::before sizes).
const computed = window.getComputedStyle.bind(window);
window.getComputedStyle = (el: Element) => computed(el);
