/**
 * `client:early`: hydrates a calculator island at the first of
 * - the reader touching it (focus, pointer, key, input inside it),
 * - the island coming near the viewport (a screen ahead, so it is live when the reader gets there).
 * Not when the browser is idle: hydrating every island of a chapter in the first seconds kept a
 * slow phone's main thread busy while the reader was reading the top of the page (Lighthouse,
 * mobile preset, pricing chapter: 660–990 ms of blocking time before, 310 ms after, in one run each).
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
  const start = async () => {
    if (started) return;
    started = true;
    for (const type of events) el.removeEventListener(type, start, true);
    observer?.disconnect();
    const hydrate = await load();
    await hydrate();
  };
  for (const type of events) el.addEventListener(type, start, { capture: true, passive: true });
  // <astro-island> is display: contents, so its children are what can intersect the viewport.
  observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((entry) => entry.isIntersecting)) void start();
    },
    { rootMargin: '100% 0px' },
  );
  for (const child of el.children) observer.observe(child);
};
