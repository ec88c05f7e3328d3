/**
 * Registers the offline service worker (sw.js at the base path, written by
 * src/integrations/offline.mjs) and offers a reload when a newer build's worker is ready. The new
 * worker waits until the reader accepts, so an open page never mixes two builds; the prompt is in
 * the page's language.
 */
import { offlineStrings as en } from '../../i18n/en/offline';
import { offlineStrings as zh } from '../../i18n/zh-cn/offline';

export async function registerOffline(base: string): Promise<void> {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const registration = await navigator.serviceWorker.register(`${prefix}sw.js`, { scope: prefix });
  let accepted = false;
  let controlled = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (accepted) window.location.reload();
    // The reader accepted the update in another tab: this page is of the older build, offer the reload.
    else if (controlled) showUpdatePrompt(() => window.location.reload());
    // Otherwise the first worker took charge: not an update.
    controlled = true;
  });
  const offer = (worker: ServiceWorker) => {
    // No controller: this is the first install, the page already is the newest build.
    if (!navigator.serviceWorker.controller) return;
    showUpdatePrompt(() => {
      accepted = true;
      // Already in charge (accepted in another tab): no controller change is coming, reload now.
      if (worker.state === 'activating' || worker.state === 'activated') window.location.reload();
      else worker.postMessage({ type: 'skip-waiting' });
    });
  };
  const whenInstalled = (worker: ServiceWorker) =>
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed') offer(worker);
    });
  // A newer build found on an earlier visit, or while this page loaded, or from now on.
  if (registration.waiting) offer(registration.waiting);
  else if (registration.installing) whenInstalled(registration.installing);
  registration.addEventListener('updatefound', () => {
    if (registration.installing) whenInstalled(registration.installing);
  });
}

/**
 * The prompt: a small card at the bottom of the page. Styled through the CSSOM (allowed by the
 * CSP) rather than a stylesheet, so it costs the pages nothing until it is shown.
 */
function showUpdatePrompt(reload: () => void): void {
  if (document.querySelector('[data-offline-update]')) return;
  const t = document.documentElement.lang.toLowerCase().startsWith('zh') ? zh : en;
  const box = document.createElement('div');
  box.dataset['offlineUpdate'] = '';
  box.setAttribute('role', 'status');
  Object.assign(box.style, {
    position: 'fixed',
    insetInlineEnd: '1rem',
    insetBlockEnd: '1rem',
    zIndex: '1000',
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: '0.5rem 0.75rem',
    maxWidth: 'min(26rem, calc(100vw - 2rem))',
    padding: '0.75rem 1rem',
    border: '1px solid var(--sl-color-gray-4)',
    borderRadius: '0.5rem',
    background: 'var(--sl-color-bg-nav)',
    color: 'var(--sl-color-white)',
    boxShadow: 'var(--sl-shadow-md)',
  });
  const text = document.createElement('p');
  text.textContent = t.updateReady;
  Object.assign(text.style, { margin: '0', flex: '1 1 100%' });
  const button = (label: string, primary: boolean) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    Object.assign(b.style, {
      padding: '0.3rem 0.8rem',
      border: '1px solid var(--sl-color-accent)',
      borderRadius: '0.3rem',
      background: primary ? 'var(--sl-color-accent)' : 'var(--sl-color-bg)',
      color: primary ? 'var(--sl-color-black)' : 'var(--sl-color-white)',
      font: 'inherit',
      cursor: 'pointer',
    });
    return b;
  };
  const now = button(t.reload, true);
  now.dataset['action'] = 'offline-reload';
  now.addEventListener('click', () => {
    now.disabled = true;
    reload();
  });
  const later = button(t.later, false);
  later.addEventListener('click', () => box.remove());
  box.append(text, now, later);
  document.body.append(box);
}
