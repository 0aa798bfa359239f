// Live view (R4.7): reads the server's MJPEG stream with fetch and shows each picture as it arrives. Stopping, or
// leaving the page, aborts the request; the server then stops the feed and records the end of the viewing.
(function () {
    const panel = document.getElementById('live-panel');
    if (!panel) {
        return;
    }
    const image = document.getElementById('live-image');
    const start = document.getElementById('live-start');
    const stop = document.getElementById('live-stop');
    const status = document.getElementById('live-status');
    const counter = document.getElementById('live-frames');
    let controller = null;

    function indexOf(buffer, pattern, from) {
        outer: for (let i = from; i <= buffer.length - pattern.length; i++) {
            for (let j = 0; j < pattern.length; j++) {
                if (buffer[i + j] !== pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    function show(jpeg) {
        const previous = image.src;
        image.src = URL.createObjectURL(new Blob([jpeg], {type: 'image/jpeg'}));
        if (previous.startsWith('blob:')) {
            URL.revokeObjectURL(previous);
        }
        const frames = Number(counter.textContent) + 1;
        counter.textContent = String(frames);
        image.dataset.frames = String(frames);
    }

    async function watch() {
        controller = new AbortController();
        start.hidden = true;
        stop.hidden = false;
        status.textContent = '…';
        counter.textContent = '0';
        try {
            const response = await fetch(panel.dataset.src, {signal: controller.signal, credentials: 'same-origin'});
            if (!response.ok) {
                // the server says why the camera cannot be watched (problem+json, its words in the reader's language)
                let problem = null;
                try {
                    problem = await response.json();
                } catch (ignored) {
                    problem = null;
                }
                status.textContent = problem && (problem.words || problem.detail)
                    ? (problem.words || '') + (problem.detail ? ' (' + problem.detail + ')' : '')
                    : 'HTTP ' + response.status;
                status.classList.add('bad');
                return;
            }
            status.classList.remove('bad');
            status.textContent = '●';
            const reader = response.body.getReader();
            const separator = [13, 10, 13, 10];
            let buffer = new Uint8Array(0);
            for (;;) {
                const {value, done} = await reader.read();
                if (done) {
                    break;
                }
                const joined = new Uint8Array(buffer.length + value.length);
                joined.set(buffer);
                joined.set(value, buffer.length);
                buffer = joined;
                for (;;) {
                    const headerEnd = indexOf(buffer, separator, 0);
                    if (headerEnd < 0) {
                        break;
                    }
                    const header = new TextDecoder().decode(buffer.subarray(0, headerEnd));
                    const length = /Content-Length:\s*(\d+)/i.exec(header);
                    if (!length) {
                        buffer = buffer.slice(headerEnd + 4);
                        continue;
                    }
                    const end = headerEnd + 4 + Number(length[1]);
                    if (buffer.length < end) {
                        break;
                    }
                    show(buffer.slice(headerEnd + 4, end));
                    buffer = buffer.slice(end);
                }
            }
            status.textContent = '■';
        } catch (e) {
            status.textContent = e.name === 'AbortError' ? '■' : String(e);
        } finally {
            start.hidden = false;
            stop.hidden = true;
        }
    }

    start.addEventListener('click', watch);
    stop.addEventListener('click', () => controller && controller.abort());
    window.addEventListener('pagehide', () => controller && controller.abort());
}());
