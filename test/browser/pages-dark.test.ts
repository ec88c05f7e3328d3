/** Every page of the root build in the dark theme: axe, NaN, errors, CSP (see page-checks.ts). */
import { describe } from 'vitest';
import { definePageChecks } from './page-checks';

describe('every page of dist/, dark theme', () => definePageChecks({ dir: 'dist', themes: ['dark'], searchAndWorker: false }));
