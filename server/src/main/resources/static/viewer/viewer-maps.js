/*
 * The shared page's maps: choropleths and markers on the outlines this server serves (/viewer/maps/), registered
 * once per layer with ECharts. Fills, texts and marker colours come computed in the widget's answer (the same
 * common code the desktop draws with); this file only draws them.
 */
(function () {
  'use strict';

  var THEMES = { // the desktop's MapTheme, for what the options leave to the theme; the sea is the widget's card
    light: { noValue: '#dddddd', borders: '#ffffff', land: '#e8ecf2', landBorders: '#b8c0cc', sea: '#ffffff' },
    dark: { noValue: '#4a5058', borders: '#3a414c', land: '#2b3038', landBorders: '#4a5260', sea: '#1f232a' }
  };
  var FIRST_VIEW = [[-180, 84], [180, -58]]; // the world without Antarctica, as the desktop opens it
  var outlines = {};

  /* Web Mercator, as the desktop projects: north up, latitudes clamped short of the poles. */
  var MERCATOR = {
    project: function (p) {
      var lat = Math.max(-85, Math.min(85, p[1])) * Math.PI / 180;
      return [p[0] * Math.PI / 180, -Math.log(Math.tan(Math.PI / 4 + lat / 2))];
    },
    unproject: function (p) {
      return [p[0] * 180 / Math.PI, (2 * Math.atan(Math.exp(-p[1])) - Math.PI / 2) * 180 / Math.PI];
    }
  };
  /* The US states file is already on its plane (975 x 610, y down). */
  var PLANE = { project: function (p) { return [p[0], p[1]]; }, unproject: function (p) { return [p[0], p[1]]; } };

  function registered(map) {
    var name = 'sightline-' + map.layer;
    if (!outlines[name]) {
      outlines[name] = fetch(map.outline, { cache: 'no-cache' }).then(function (r) {
        if (!r.ok) { throw new Error('The map outlines could not be loaded (HTTP ' + r.status + ')'); }
        return r.json();
      }).then(function (geo) {
        echarts.registerMap(name, geo);
        return name;
      });
      outlines[name].catch(function () { delete outlines[name]; });
    }
    return outlines[name];
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  /* The server's plain-text tooltip, shown as text: its line breaks become <br>, nothing in it is markup. */
  function tooltipHtml(text) {
    return text ? escapeHtml(text).replace(/\n/g, '<br>') : '';
  }

  function holderOf(entry) {
    var holder = entry.body.querySelector('.chart.map');
    if (!holder) {
      if (entry.chart) { entry.chart.dispose(); entry.chart = null; }
      entry.body.textContent = '';
      holder = document.createElement('div');
      holder.className = 'chart map';
      entry.body.appendChild(holder);
    }
    return holder;
  }

  function notes(entry, map) {
    var old = entry.body.querySelector('.map-notes');
    if (old) { old.remove(); }
    if (!map.notes || !map.notes.length) { return; }
    var box = document.createElement('div');
    box.className = 'map-notes';
    box.textContent = map.notes.join(' ');
    entry.body.appendChild(box);
  }

  function legend(entry, map) {
    var old = entry.body.querySelector('.map-legend');
    if (old) { old.remove(); }
    var steps = map.kind === 'choropleth' ? (map.legend.visible ? map.legend.steps : [])
      : (map.classified ? map.groups.map(function (g) { return { color: g.color, text: g.name }; }) : []);
    if (!steps.length) { return; }
    var box = document.createElement('div');
    var position = (map.legend && map.legend.position) || 'bottom-left';
    box.className = 'map-legend ' + position.replace(/[^a-z-]/g, '');
    if (map.kind === 'markers') { box.classList.add('groups'); }
    box.style.textAlign = (map.legend && map.legend.align) || 'left';
    steps.slice(0, 12).forEach(function (step) {
      var row = document.createElement('div');
      var swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.backgroundColor = step.color;
      var text = document.createElement('span');
      text.textContent = step.text;
      row.appendChild(swatch);
      row.appendChild(text);
      box.appendChild(row);
    });
    entry.body.appendChild(box);
  }

  function choroplethOption(map, name, theme) {
    var noValue = map.colors.no_value || theme.noValue;
    var byKey = {};
    var tooltips = false;
    var data = map.regions.map(function (r) {
      byKey[r.key] = r;
      tooltips = tooltips || !!r.tooltip;
      var fill = r.color || noValue;
      return { name: r.key, value: r.value, itemStyle: { areaColor: fill },
        emphasis: { itemStyle: { areaColor: fill } } };
    });
    var plane = map.projection === 'plane';
    return {
      backgroundColor: map.colors.background || theme.sea,
      animation: false,
      tooltip: { show: tooltips, trigger: 'item', confine: true,
        formatter: function (p) { var r = byKey[p.name]; return r ? tooltipHtml(r.tooltip) : ''; } },
      series: [{
        type: 'map', map: name, nameProperty: 'key', projection: plane ? PLANE : MERCATOR,
        boundingCoords: plane ? null : map.bounds || FIRST_VIEW, roam: true, selectedMode: false,
        left: 4, right: 4, top: 4, bottom: 4, layoutCenter: null,
        label: { show: false }, emphasis: { label: { show: false }, itemStyle: { borderWidth: 2 } },
        itemStyle: { areaColor: noValue, borderColor: map.colors.borders || theme.borders, borderWidth: 0.6 },
        data: data
      }]
    };
  }

  /* The points' extent with a margin (saved bounds win), as the desktop first shows a marker map. */
  function markerView(map) {
    if (map.bounds) { return map.bounds; }
    if (!map.points.length) { return FIRST_VIEW; }
    var w = 180, e = -180, n = -90, s = 90;
    map.points.forEach(function (p) {
      w = Math.min(w, p.lon); e = Math.max(e, p.lon); n = Math.max(n, p.lat); s = Math.min(s, p.lat);
    });
    var pad = Math.max(2, Math.max(e - w, n - s) * 0.1);
    // never past the first view's north and south: Mercator swells the polar caps
    return [[Math.max(-180, w - pad), Math.min(84, n + pad)], [Math.min(180, e + pad), Math.max(-58, s - pad)]];
  }

  function markerOption(map, name, theme) {
    var classified = map.classified;
    var tooltips = map.points.some(function (p) { return !!p.label; });
    return {
      backgroundColor: theme.sea,
      animation: false,
      tooltip: { show: tooltips, trigger: 'item', confine: true,
        formatter: function (p) { var point = map.points[p.dataIndex]; return point ? tooltipHtml(point.label) : ''; } },
      geo: {
        map: name, projection: MERCATOR, boundingCoords: markerView(map), roam: true, silent: true,
        left: 4, right: 4, top: 4, bottom: 4,
        label: { show: false },
        itemStyle: { areaColor: theme.land, borderColor: theme.landBorders, borderWidth: 0.6 }
      },
      series: [{
        type: 'scatter', coordinateSystem: 'geo', geoIndex: 0,
        symbol: classified ? 'circle' : 'pin', symbolSize: classified ? 12 : 22, // ECharts' pin: its tip at the point
        // opaque pins, circles at 0.9 as the desktop draws them (ECharts' scatter would draw at 0.8)
        itemStyle: { color: map.pin.fill, borderColor: map.pin.border || map.pin.fill, borderWidth: 1,
          opacity: classified ? 0.9 : 1 },
        emphasis: { scale: 1.3 },
        data: map.points.map(function (p) {
          var item = { value: [p.lon, p.lat] };
          if (classified) { item.itemStyle = { color: map.groups[p.group].color, borderColor: '#ffffff' }; }
          return item;
        })
      }]
    };
  }

  /* Draws a widget's map; resolves once it is drawn (the outlines may have to be fetched first). */
  function draw(entry, map, dark) {
    var holder = holderOf(entry);
    return registered(map).then(function (name) {
      if (!entry.chart) { entry.chart = echarts.init(holder, dark ? 'dark' : null); }
      var theme = dark ? THEMES.dark : THEMES.light;
      entry.chart.setOption(map.kind === 'choropleth' ? choroplethOption(map, name, theme)
        : markerOption(map, name, theme), true);
      legend(entry, map);
      notes(entry, map);
    });
  }

  window.SightlineMaps = { draw: draw };
}());
