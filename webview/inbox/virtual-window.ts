// Which rows of a long list are in the DOM, and which pages to ask for:
// only the visible rows plus a margin, whatever the folder holds, and the
// next page before the user reaches the end of the loaded ones.

export const ROW_HEIGHT = 30;
export const PAGE_SIZE = 100;
/** Rows kept above and below the visible ones, so a short scroll shows no gap. */
const MARGIN = 15;
/** However tall the panel, never more rows than this in the DOM. */
export const MAX_RENDERED_ROWS = 240;

export interface RowWindow {
  first: number;
  /** One past the last. */
  end: number;
}

export function rowWindow(scrollTop: number, viewportHeight: number, total: number): RowWindow {
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - MARGIN);
  const visible = Math.ceil(Math.max(viewportHeight, ROW_HEIGHT) / ROW_HEIGHT);
  const end = Math.min(total, first + Math.min(MAX_RENDERED_ROWS, visible + 2 * MARGIN));
  return { first, end };
}

/** The page indexes the window needs, and the one after it (asked early). */
export function pagesFor(window: RowWindow, total: number): number[] {
  if (total === 0) return [];
  const firstPage = Math.floor(window.first / PAGE_SIZE);
  const lastIndex = Math.min(total - 1, Math.max(window.first, window.end - 1) + PAGE_SIZE / 2);
  const lastPage = Math.floor(lastIndex / PAGE_SIZE);
  const pages: number[] = [];
  for (let p = firstPage; p <= lastPage; p++) pages.push(p);
  return pages;
}
