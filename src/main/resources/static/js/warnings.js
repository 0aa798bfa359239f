// The inbox listens to the server's stream of new warnings and reloads its rows when one arrives (R4.5: officers are
// warned at once). The rows are fetched by htmx, scoped and rendered by the server like the page itself.
(function () {
    if (!window.EventSource) {
        return;
    }
    var source = new EventSource(document.querySelector('base') ? 'warnings/stream' : '/warnings/stream');
    source.addEventListener('warning', function () {
        document.body.dispatchEvent(new Event('warning-raised'));
    });
})();
