/**
 * Resolves once the browser has painted the page (the frame after the next animation frame): start-up
 * work that waits for it never delays the first paint. In a tab that is not shown, it waits until the tab is.
 */
export const afterFirstPaint = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
