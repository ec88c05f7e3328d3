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
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // The first worker taking charge is not an update: reload only when the reader asked for it.
    if (accepted) window.location.reload();
  });
  const offer = (worker: ServiceWorker) => {
    // No controller: this is the first install, the page already is the newest build.
    if (!navigator.serviceWorker.controller) return;
    showUpdatePrompt(() => {
      accepted = true;
      worker.postMessage({ type: 'skip-waiting' });
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

function showUpdatePrompt(reload: () => void): void {
  if (document.querySelector('[data-offline-update]')) return;
  const t = document.documentElement.lang.toLowerCase().startsWith('zh') ? zh : en;
  const box = document.createElement('div');
  box.dataset['offlineUpdate'] = '';
  box.setAttribute('role', 'status');
  box.className = 'offline-update';
  const text = document.createElement('p');
  text.textContent = t.updateReady;
  const now = document.createElement('button');
  now.type = 'button';
  now.textContent = t.reload;
  now.dataset['action'] = 'offline-reload';
  now.addEventListener('click', () => {
    now.disabled = true;
    reload();
  });
  const later = document.createElement('button');
  later.type = 'button';
  later.textContent = t.later;
  later.addEventListener('click', () => box.remove());
  box.append(text, now, later);
  document.body.append(box);
}
