import { fileURLToPath } from 'node:url';

/** Registers `client:early` (see hydrate-early-directive.js): hydrate on touch, idle or view. */
export function hydrateEarly() {
  return {
    name: 'playbook-hydrate-early',
    hooks: {
      'astro:config:setup': ({ addClientDirective }) => {
        addClientDirective({ name: 'early', entrypoint: fileURLToPath(new URL('./hydrate-early-directive.js', import.meta.url)) });
      },
    },
  };
}
