// The last edited code, kept in localStorage so that it survives a reload. The key names
// the format's version: a later format reads, migrates or ignores v1 entries on purpose
// rather than by accident. Storage may be missing (disabled, private modes) or full; the
// page then simply does not remember, and never fails because of it.
const STORAGE_KEY = 'awaitpad:source:v1';

export function loadSavedSource(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function saveSource(source: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, source);
  } catch {
    // not remembered; the editor keeps the code
  }
}
