// Maps over the simplified boundaries (Leaflet, no tiles). Each element .map reads:
//   data-boundaries  URL of the municipalities (GeoJSON, properties nis_code and name_nl)
//   data-regions     URL of the reference regions, drawn as outlines (optional)
//   data-groups      [{ name, colour, codes: [nis] }]: each group's municipalities in the colour of legend swatch .c{colour}
//   data-rest        "uncovered": the other municipalities hatched; "context": grey
//   data-fit         "groups": open on the groups; "all": on everything
//   data-markers     [{ lat, lon, label }] or [{ nis, label }] (placed in that municipality): points (a partnership's
//                    actors); or data-markers-url, a URL answering the same
// The page shows the same information in a table, so the map is only an addition: it stays hidden without JavaScript.
(function () {
    'use strict';
    if (typeof L === 'undefined') return;

    function json(text, fallback) {
        try { return text ? JSON.parse(text) : fallback; } catch (e) { return fallback; }
    }

    // Colours come from the legend's swatches (site.css), so the map and its legend cannot disagree.
    function swatchColour(figure, selector, fallback) {
        var swatch = figure.querySelector(selector);
        return swatch ? getComputedStyle(swatch).backgroundColor : fallback;
    }

    function addHatch(svg) {
        if (!svg || svg.querySelector('#map-hatch')) return;
        var ns = 'http://www.w3.org/2000/svg';
        var defs = document.createElementNS(ns, 'defs');
        var pattern = document.createElementNS(ns, 'pattern');
        pattern.setAttribute('id', 'map-hatch');
        pattern.setAttribute('patternUnits', 'userSpaceOnUse');
        pattern.setAttribute('width', '6');
        pattern.setAttribute('height', '6');
        pattern.setAttribute('patternTransform', 'rotate(45)');
        var back = document.createElementNS(ns, 'rect');
        back.setAttribute('width', '6');
        back.setAttribute('height', '6');
        back.setAttribute('fill', '#ffffff');
        var line = document.createElementNS(ns, 'rect');
        line.setAttribute('width', '2');
        line.setAttribute('height', '6');
        line.setAttribute('fill', '#767676');
        pattern.appendChild(back);
        pattern.appendChild(line);
        defs.appendChild(pattern);
        svg.insertBefore(defs, svg.firstChild);
    }

    function fetchJson(url) {
        return fetch(url, { credentials: 'same-origin' }).then(function (r) {
            if (!r.ok) throw new Error(url + ': ' + r.status);
            return r.json();
        });
    }

    function show(element) {
        var figure = element.closest('figure') || element.parentElement;
        var groups = json(element.dataset.groups, []);
        var uncovered = element.dataset.rest === 'uncovered';
        var groupOf = {};
        groups.forEach(function (g) {
            g.fill = swatchColour(figure, '.swatch.c' + g.colour, '#1f78b4');
            g.codes.forEach(function (c) { if (!groupOf[c]) groupOf[c] = g; });
        });

        figure.hidden = false;
        var map = L.map(element, { attributionControl: false, zoomSnap: 0.25, preferCanvas: false });
        L.control.attribution({ prefix: false }).addAttribution(element.dataset.attribution || '').addTo(map);
        var renderer = L.svg().addTo(map);

        var loads = [fetchJson(element.dataset.boundaries)];
        if (element.dataset.regions) loads.push(fetchJson(element.dataset.regions));
        var markers = element.dataset.markersUrl ? fetchJson(element.dataset.markersUrl) : Promise.resolve(json(element.dataset.markers, []));
        loads.push(markers);

        Promise.all(loads).then(function (results) {
            var municipalities = results[0];
            var regions = element.dataset.regions ? results[1] : null;
            var points = results[results.length - 1] || [];
            var inGroups = [];
            var byNis = {};
            var layer = L.geoJSON(municipalities, {
                renderer: renderer,
                style: function (feature) {
                    var g = groupOf[feature.properties.nis_code];
                    if (g) return { color: '#333333', weight: 0.6, fillColor: g.fill, fillOpacity: 0.75, className: 'in-group' };
                    return uncovered
                        ? { color: '#555555', weight: 0.6, fillOpacity: 1, className: 'uncovered' }
                        : { color: '#9a9a9a', weight: 0.5, fillColor: '#eeeeee', fillOpacity: 1, className: 'context' };
                },
                onEachFeature: function (feature, l) {
                    var g = groupOf[feature.properties.nis_code];
                    byNis[feature.properties.nis_code] = l;
                    if (g) inGroups.push(l);
                    l.bindTooltip(feature.properties.name_nl + (g ? ' — ' + g.name : ''), { sticky: true });
                }
            }).addTo(map);
            addHatch(element.querySelector('svg'));
            if (regions) {
                L.geoJSON(regions, { renderer: renderer, interactive: false, style: { color: '#000000', weight: 2, fill: false, className: 'region-outline' } }).addTo(map);
            }
            points.forEach(function (p) {
                if (p.nis) {
                    var at = byNis[p.nis];
                    if (!at) return; // not on this set's boundaries: the table lists it
                    var centre = at.getBounds().getCenter();
                    p.lat = centre.lat;
                    p.lon = centre.lng;
                }
                L.circleMarker([p.lat, p.lon], { renderer: renderer, radius: 6, color: '#000000', weight: 2, fillColor: '#ffffff', fillOpacity: 1, className: 'map-marker' })
                    .bindTooltip(p.label).addTo(map);
            });
            var bounds = element.dataset.fit === 'groups' && inGroups.length ? L.featureGroup(inGroups).getBounds() : layer.getBounds();
            map.fitBounds(bounds, { padding: [8, 8] });
            element.dataset.rendered = String(layer.getLayers().length);
        }).catch(function () {
            figure.hidden = true; // the table beside it says it all
        });
    }

    document.querySelectorAll('.map[data-boundaries]').forEach(show);
})();
