/** A saved inbox view: a name and the URL query of its queue and filters. */
export interface SavedView {
  name: string;
  search: string;
}

// In the browser for now, one list per user (the server keeps none yet).
const storageKey = (userId: string) => `dircab.correspondence.views.${userId}`;

export function readViews(userId: string): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey(userId)) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (v): v is SavedView => typeof v?.name === 'string' && typeof v?.search === 'string' && v.name.trim() !== '',
    );
  } catch {
    return [];
  }
}

/** Adds or replaces (same name) a view; the list stays sorted by name. */
export function saveView(userId: string, view: SavedView): SavedView[] {
  const next = [...readViews(userId).filter((v) => v.name !== view.name), view].sort((a, b) =>
    a.name.localeCompare(b.name, 'fr'),
  );
  localStorage.setItem(storageKey(userId), JSON.stringify(next));
  return next;
}

export function deleteView(userId: string, name: string): SavedView[] {
  const next = readViews(userId).filter((v) => v.name !== name);
  localStorage.setItem(storageKey(userId), JSON.stringify(next));
  return next;
}
