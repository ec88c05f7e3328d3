/**
 * Bundled into every page by src/integrations/offline.mjs (unless PLAYBOOK_OFFLINE=0). Registers
 * the offline service worker only after the page has loaded and settled, and loads the
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
  // Installing the worker downloads the whole playbook (several MB): on a slow phone that competes
  // with the first page's own scripts and images, so it waits until the page has settled for a few
  // seconds, then for an idle moment.
  const SETTLE_MS = 5_000;
  const whenSettled = () => setTimeout(() => ('requestIdleCallback' in window ? window.requestIdleCallback(register, { timeout: 10_000 }) : register()), SETTLE_MS);
  if (document.readyState === 'complete') whenSettled();
  else window.addEventListener('load', whenSettled, { once: true });
}
