/** Prefixes Astro's configured base to a site-absolute path (`/x/` → `/playbook/x/`). */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
  const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
  return prefix + path;
}
