/**
 * Scrolls `pane` (and nothing else: not the page around it) so that `element` is centred in it,
 * when it is not already fully in view.
 */
export function keepInView(pane: HTMLElement, element: Element): void {
  const box = element.getBoundingClientRect();
  const view = pane.getBoundingClientRect();
  const visible = box.left >= view.left && box.right <= view.right && box.top >= view.top && box.bottom <= view.bottom;
  if (visible) return;
  pane.scrollBy({
    left: box.left + box.width / 2 - (view.left + view.width / 2),
    top: box.top + box.height / 2 - (view.top + view.height / 2),
  });
}
