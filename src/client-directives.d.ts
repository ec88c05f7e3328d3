import 'astro';

declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate on first interaction, when idle, or when visible (src/integrations/hydrate-early.mjs). */
    'client:early'?: boolean;
  }
}
