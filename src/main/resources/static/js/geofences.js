// Saves a drawn geofence through the API; a refusal shows each reason beside its field.
(function () {
    var form = document.getElementById('geofence-form');
    if (!form) {
        return;
    }
    form.addEventListener('submit', function (event) {
        event.preventDefault();
        form.querySelectorAll('.field-error').forEach(function (e) { e.textContent = ''; });
        var code = document.getElementById('geofence-code').value.trim();
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        var headers = {'Content-Type': 'application/json'};
        if (token && header) {
            headers[header.content] = token.content;
        }
        var ring = document.getElementById('ring').value;
        fetch('/api/v1/geofences/' + encodeURIComponent(code || '-'), {
            method: 'PUT', credentials: 'same-origin', headers: headers,
            body: JSON.stringify({name: document.getElementById('geofence-name').value,
                kind: document.getElementById('geofence-kind').value, ring: ring ? JSON.parse(ring) : null})
        }).then(function (response) {
            if (response.ok) {
                window.location.reload();
                return;
            }
            response.json().then(function (problem) {
                (problem.errors || [{field: 'code', reason: problem.detail || response.status}]).forEach(function (e) {
                    var slot = form.querySelector('.field-error[data-field="' + e.field + '"]');
                    (slot || form.querySelector('.field-error[data-field="code"]')).textContent = e.reason;
                });
            });
        });
    });
})();
