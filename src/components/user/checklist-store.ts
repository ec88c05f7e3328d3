/**
 * Saved checklist ticks, in the store (`mpp:v2:checklists`: `{ "<chapter>": ["<item id>", …] }`).
 * Reading tolerates blocked storage and foreign data; writing reports whether the ticks were kept.
 */
import { CHECKLISTS_KEY, readChecklists, writeChecklist } from '../../lib/kit/store';
import { localStore, report, storeReady } from '../calculator/browser-store';

export const CHECKLIST_KEY = CHECKLISTS_KEY;

/** The ticked item ids of one chapter (empty if none, unreadable or storage is blocked). */
export async function readTicks(chapter: string): Promise<string[]> {
  return readChecklists(await storeReady())[chapter] ?? [];
}

/** Saves one chapter's ticks, leaving the other chapters as they are; false if storage is unavailable or full. */
export function writeTicks(chapter: string, ids: string[]): boolean {
  return report(CHECKLIST_KEY, writeChecklist(localStore(), chapter, ids)).ok;
}
