/**
 * The embed view's "Open in the playbook" link (src/components/user/EmbedPage.astro) carries the
 * calculator's current inputs: they live in the page's query string (the calculator keeps it up
 * to date), so the link takes it over whenever it is about to be used: pointed at, focused,
 * clicked or opened in a new tab. Without JavaScript the link opens the page with its defaults.
 */
for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-embed-open]')) {
  const target = new URL(link.href);
  const sync = () => {
    target.search = window.location.search;
    link.href = target.href;
  };
  for (const type of ['pointerenter', 'pointerdown', 'focus', 'click', 'auxclick', 'contextmenu']) link.addEventListener(type, sync);
  sync();
}
