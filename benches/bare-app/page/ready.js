// The page's content is in the DOM once this runs (it is the body's last element): the same
// moment Tenfold marks with tenfold:client-list-ready, so scripts/footprint times both alike.
performance.mark('bare-app:content-ready');
document.body.dataset.ready = 'true';
