/**
 * The calculator page's embed code (src/components/user/CalculatorPage.astro): the iframe address
 * follows the site the reader is on and the calculator's current inputs (its query string), and
 * the copy button copies it. Without JavaScript the code is still there to select by hand.
 */
for (const section of document.querySelectorAll<HTMLElement>('[data-embed-code]')) {
  const code = section.querySelector('textarea');
  const actions = section.querySelector<HTMLElement>('.calc-page-embed-actions');
  const button = section.querySelector<HTMLButtonElement>('[data-action="copy-embed"]');
  const status = section.querySelector<HTMLElement>('[role="status"]');
  if (!code || !actions || !button || !status) continue;
  const template = code.value;
  const refresh = () => {
    const src = new URL(section.dataset['embedCode']!, window.location.origin);
    src.search = window.location.search;
    code.value = template.replace(/src="[^"]*"/, `src="${src.href.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`);
  };
  for (const type of ['focus', 'pointerenter']) code.addEventListener(type, refresh);
  button.addEventListener('click', async () => {
    refresh();
    try {
      await navigator.clipboard.writeText(code.value);
      status.textContent = button.dataset['copied'] ?? '';
    } catch {
      code.select();
      status.textContent = button.dataset['failed'] ?? '';
    }
  });
  refresh();
  actions.hidden = false;
}
