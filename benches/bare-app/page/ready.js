// The page's content is in the DOM once this runs (it is the body's last element); the second
// mark comes once the frame after it is painted (a task queued from the frame callback runs after
// the paint): start-up ends at the first paint, as Tenfold's ends at its painted client list
// (ui/src/lib/readyMark.ts does the same), so scripts/footprint times both alike.
performance.mark('bare-app:content-ready');
requestAnimationFrame(() =>
  setTimeout(() => {
    performance.mark('bare-app:content-painted');
    document.body.dataset.ready = 'true';
  }),
);
