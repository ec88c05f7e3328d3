/**
 * Bundled into every page by src/integrations/offline.mjs (unless PLAYBOOK_OFFLINE=0). Registers
 * the offline service worker only after the page has loaded and the browser is idle, and loads the
 * registration code itself only then, so a first visit's critical path is what it was without it.
 * Embed views (`<html data-embed>`) never register: they live in other sites' frames.
 */
if ('serviceWorker' in navigator && !document.documentElement.hasAttribute('data-embed')) {
  const register = () => {
    import('./register')
      .then(({ registerOffline }) => registerOffline(import.meta.env.BASE_URL))
      .catch(() => {
        /* offline with nothing cached yet, or the host refuses workers: the site works as before */
      });
  };
  const whenIdle = () => ('requestIdleCallback' in window ? window.requestIdleCallback(register, { timeout: 10_000 }) : setTimeout(register, 2_000));
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}
