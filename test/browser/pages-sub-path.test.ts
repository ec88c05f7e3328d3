/** The sub-path build (base /playbook/): CSP and errors on the pricing chapter, search and the worker (see page-checks.ts). */
import { describe } from 'vitest';
import { definePageChecks } from './page-checks';

describe('pages of dist-sub/ (base /playbook/)', () => definePageChecks({ dir: 'dist-sub', themes: ['dark'], searchAndWorker: true }));
