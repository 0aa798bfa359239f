// Maps of geofences and GPS tracks (Leaflet). Each element with class "epw-map" says what to draw in data attributes:
// data-tiles (a tile URL template; blank draws on a plain background), data-track (a track URL), data-editor (the
// id of a textarea that collects the clicked corners of a new geofence as [[lon, lat], ...]).
(function () {
    // Without a tile server, the countries and coastlines of Natural Earth 1:10m, bundled at build time, on a sea blue
    // background (the map was plain grey, issue 15). Provinces and roads need a data source we do not bundle yet.
    function offlineBase(map) {
        map.getContainer().classList.add('offline-base');
        map.attributionControl.addAttribution('Natural Earth (world-atlas)');
        if (typeof topojson === 'undefined') {
            return;
        }
        fetch('/vendor/world-atlas/countries-10m.json', {credentials: 'same-origin'})
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (world) {
                if (!world) {
                    return;
                }
                var land = L.geoJSON(topojson.feature(world, world.objects.countries), {interactive: false,
                    style: {color: '#8c96a3', weight: 1, fillColor: '#f4f1e8', fillOpacity: 1}}).addTo(map);
                land.bringToBack();
                map.getContainer().setAttribute('data-base-layer', 'natural-earth');
            });
    }

    function draw(element) {
        var map = L.map(element);
        if (element.dataset.tiles) {
            L.tileLayer(element.dataset.tiles, {attribution: element.dataset.attribution || ''}).addTo(map);
        } else {
            offlineBase(map);
        }
        map.setView([10.8, 106.7], 10);
        var bounds = L.latLngBounds([]);
        fetch(element.dataset.geofences || '/api/v1/geofences', {credentials: 'same-origin'})
            .then(function (r) { return r.ok ? r.json() : []; })
            .then(function (geofences) {
                geofences.forEach(function (g) {
                    var corners = g.ring.map(function (c) { return [c[1], c[0]]; });
                    var shape = L.polygon(corners, {color: g.kind === 'EPE_SITE' ? '#1d4ed8' : '#047857', weight: 2})
                        .bindTooltip(g.code + ' — ' + g.name).addTo(map);
                    shape.getElement && shape.getElement() && shape.getElement().setAttribute('data-geofence', g.code);
                    if (!element.dataset.track) {
                        bounds.extend(shape.getBounds());
                    }
                });
                fit();
            });
        if (element.dataset.track) {
            fetch(element.dataset.track, {credentials: 'same-origin'})
                .then(function (r) { return r.ok ? r.json() : []; })
                .then(function (positions) {
                    var line = positions.map(function (p) { return [p.lat, p.lon]; });
                    element.setAttribute('data-positions', String(positions.length));
                    if (line.length) {
                        var track = L.polyline(line, {color: '#b91c1c', weight: 3}).addTo(map);
                        L.circleMarker(line[0], {radius: 5, color: '#111'}).addTo(map);
                        bounds.extend(track.getBounds());
                        fit();
                    }
                });
        }
        if (element.dataset.editor) {
            var ring = document.getElementById(element.dataset.editor);
            var corners = [];
            var outline = L.polygon([], {color: '#d97706', dashArray: '4'}).addTo(map);
            map.on('click', function (e) {
                corners.push([Number(e.latlng.lng.toFixed(6)), Number(e.latlng.lat.toFixed(6))]);
                outline.setLatLngs(corners.map(function (c) { return [c[1], c[0]]; }));
                ring.value = JSON.stringify(corners);
            });
        }
        function fit() {
            if (bounds.isValid()) {
                map.fitBounds(bounds, {padding: [20, 20]});
            }
        }
    }
    document.querySelectorAll('.epw-map').forEach(draw);
})();
