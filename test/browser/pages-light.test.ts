/** Every page of the root build in the light theme: axe, NaN, errors, CSP (see page-checks.ts). */
import { describe } from 'vitest';
import { definePageChecks } from './page-checks';

describe('every page of dist/, light theme', () => definePageChecks({ dir: 'dist', themes: ['light'], searchAndWorker: true }));
