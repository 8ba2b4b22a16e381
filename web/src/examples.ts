// The gallery's programs: web/examples/*.py, bundled as text (import.meta.glob, ?raw)
// into this module's own chunk, which main.ts loads after it has started the runtime, so
// the examples (~6 KB gzipped) are not on the way to a ready Run button. Each file starts
// with `# Title: …`; its name without .py is the example's name in `#example=NAME` links.

export interface Example {
  name: string;    // the file name without .py: first_steps
  title: string;   // from the first line: First steps: async def and await
  source: string;  // the whole file, title line included
}

// The gallery's order, a path for learners; a file not listed comes after these, by name.
const ORDER = [
  'first_steps', 'three_tasks', 'sync_vs_async', 'async_with', 'async_for', 'async_generators',
  'http_simulated', 'http_aiohttp', 'http_requests_vs_aiohttp', 'producer_consumer',
  'return_exceptions', 'task_group', 'timeouts', 'cancellation', 'semaphore', 'cpu_bound',
  'deadlock',
];

const FILES = import.meta.glob<string>('../examples/*.py', { query: '?raw', import: 'default', eager: true });

export const EXAMPLES: readonly Example[] = Object.entries(FILES)
  .map(([path, source]) => ({ name: nameOf(path), title: titleOf(path, source), source }))
  .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));

function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1, -'.py'.length);
}

function titleOf(path: string, source: string): string {
  const title = /^# Title: (.+)/.exec(source)?.[1]?.trim();
  if (!title) throw new Error(`${path} does not start with "# Title: …"`);
  return title;
}

function rank(name: string): number {
  const index = ORDER.indexOf(name);
  return index === -1 ? ORDER.length : index;
}
