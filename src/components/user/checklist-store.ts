/**
 * Saved checklist ticks: one localStorage key for every chapter, `{ "<chapter>": ["<item id>", …] }`.
 * Reading tolerates blocked storage and foreign data; writing reports whether the ticks were kept.
 */
export const CHECKLIST_KEY = 'mpp:checklists:v1';

type Store = Record<string, string[]>;

function load(): Store {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(CHECKLIST_KEY) ?? '{}');
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const store: Store = {};
    for (const [chapter, ids] of Object.entries(parsed)) {
      if (Array.isArray(ids)) store[chapter] = ids.filter((id): id is string => typeof id === 'string');
    }
    return store;
  } catch {
    return {};
  }
}

/** The ticked item ids of one chapter (empty if none, unreadable or storage is blocked). */
export function readTicks(chapter: string): string[] {
  return load()[chapter] ?? [];
}

/** Saves one chapter's ticks, leaving the other chapters as they are; false if storage is unavailable. */
export function writeTicks(chapter: string, ids: string[]): boolean {
  try {
    const store = load();
    if (ids.length > 0) store[chapter] = ids;
    else delete store[chapter];
    window.localStorage.setItem(CHECKLIST_KEY, JSON.stringify(store));
    return true;
  } catch {
    return false;
  }
}
