/**
 * `client:early`: hydrates a calculator island at the first of
 * - the reader touching it (focus, pointer, key, input inside it),
 * - the browser being idle (so a slow phone hydrates it before the reader gets there),
 * - the island scrolling into view.
 * Text typed into the server-rendered inputs before that is adopted by the island on mount
 * (see useCalculatorState), so nothing typed early is lost.
 *
 * @type {import('astro').ClientDirective}
 */
export default (load, _options, el) => {
  let started = false;
  const events = ['focusin', 'pointerdown', 'keydown', 'input', 'touchstart'];
  /** @type {IntersectionObserver | null} */
  let observer = null;
  /** @type {number | null} */
  let idle = null;
  const start = async () => {
    if (started) return;
    started = true;
    for (const type of events) el.removeEventListener(type, start, true);
    observer?.disconnect();
    if (idle !== null && 'cancelIdleCallback' in window) window.cancelIdleCallback(idle);
    const hydrate = await load();
    await hydrate();
  };
  for (const type of events) el.addEventListener(type, start, { capture: true, passive: true });
  // <astro-island> is display: contents, so its children are what can intersect the viewport.
  observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) void start();
  });
  for (const child of el.children) observer.observe(child);
  if ('requestIdleCallback' in window) idle = window.requestIdleCallback(() => void start(), { timeout: 4000 });
  else setTimeout(() => void start(), 2000);
};
