// The footage page: while the recorder replays a span (a minute or two for 20 minutes) the buttons say so and cannot
// be pressed twice; then, once a span is played, hls.js feeds its HLS playlist to the video element (R2.2).
(function () {
    document.querySelectorAll('form[data-busy]').forEach(form => form.addEventListener('submit', event => {
        if (form.dataset.sent) {
            event.preventDefault(); // one replay at a time
            return;
        }
        form.dataset.sent = 'true';
        const note = form.querySelector('.busy');
        if (note) {
            note.hidden = false;
        }
        // disabled only once the form has been sent: a button disabled now would leave its name (action=play) out
        setTimeout(() => form.querySelectorAll('button').forEach(button => {
            button.disabled = true;
        }), 0);
    }));
}());
// Plays a span of recorded footage (R2.2) from the HLS playlist the server made of the recorder's replay: hls.js feeds
// it to the video element through Media Source Extensions; a browser that plays HLS itself gets the playlist as is.
(function () {
    const video = document.getElementById('archive-video');
    const status = document.getElementById('archive-video-status');
    if (!video) {
        return;
    }
    const src = video.dataset.src;
    video.addEventListener('timeupdate', () => {
        video.dataset.played = String(video.currentTime);
    });
    if (window.Hls && window.Hls.isSupported()) {
        const hls = new window.Hls({enableWorker: false});
        hls.on(window.Hls.Events.MANIFEST_PARSED, () => {
            video.dataset.loaded = 'true';
            video.play().catch(() => {
                status.textContent = '▶';
            });
        });
        hls.on(window.Hls.Events.ERROR, (event, data) => {
            if (data.fatal) {
                status.textContent = data.type + ': ' + data.details;
            }
        });
        hls.loadSource(src);
        hls.attachMedia(video);
    } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
        video.src = src;
        video.dataset.loaded = 'true';
    } else {
        status.textContent = 'HLS';
    }
}());
