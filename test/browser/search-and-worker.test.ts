/** The search dialog in both languages and the k-means worker under the site's CSP (see page-checks.ts). */
import { describe } from 'vitest';
import { definePageChecks } from './page-checks';

describe('dist/: search and the k-means worker', () => definePageChecks({ dir: 'dist', themes: [], searchAndWorker: true }));
