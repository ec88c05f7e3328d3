/** Every page of the root build, shard 3 of 4: see site-sweep.ts. */
import { describe } from 'vitest';
import { defineSiteSweep } from './site-sweep';

describe('the site, page by page', () => defineSiteSweep(3, 4));
