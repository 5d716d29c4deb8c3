/*
 * The shared page's maps: choropleths and markers on the outlines this server serves (/viewer/maps/), registered
 * once per layer with ECharts. Fills, texts and marker colours come computed in the widget's answer (the same
 * common code the desktop draws with); this file only draws them, merges dense markers into clusters when the
 * options ask (viewer-clusters.js) and turns a click on a region or marker into its result row. Bubbles
 * (Sightline's sightline.bubble) come with their radius in pixels and are never clustered.
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
    var sizes = map.kind === 'markers' && map.bubble ? map.bubble.legend : [];
    if (!steps.length && !sizes.length) { return; }
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
    if (sizes.length) { sizeLegend(box, map); }
    entry.body.appendChild(box);
  }

  /* A bubble map's sizes under the groups: the column, then a circle of the largest value, a quarter, a sixteenth. */
  function sizeLegend(box, map) {
    var title = document.createElement('div');
    title.className = 'sizes-title';
    title.textContent = map.bubble.column;
    box.appendChild(title);
    var widest = 2 * map.bubble.legend[0].radius;
    var color = map.classified ? '#888888' : map.pin.fill;
    map.bubble.legend.forEach(function (step) {
      var row = document.createElement('div');
      row.className = 'size';
      var slot = document.createElement('span');
      slot.className = 'size-slot';
      slot.style.width = widest + 'px';
      var circle = document.createElement('span');
      circle.className = 'bubble';
      circle.style.width = circle.style.height = (2 * step.radius) + 'px';
      circle.style.backgroundColor = rgba(color, 0.6);
      circle.style.borderColor = color;
      slot.appendChild(circle);
      var text = document.createElement('span');
      text.textContent = step.text;
      row.appendChild(slot);
      row.appendChild(text);
      box.appendChild(row);
    });
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

  /* A colour of the answer (#rrggbb) at an opacity. */
  function rgba(hex, alpha) {
    var n = parseInt(String(hex).substring(1), 16);
    return 'rgba(' + (n >> 16 & 255) + ', ' + (n >> 8 & 255) + ', ' + (n & 255) + ', ' + alpha + ')';
  }

  /* Black on a light bubble, white on a dark one, as Redash picks a cluster's text colour. */
  function textOn(hex) {
    var n = parseInt(String(hex).substring(1), 16);
    return (0.299 * (n >> 16 & 255) + 0.587 * (n >> 8 & 255) + 0.114 * (n & 255)) / 255 > 0.65 ? '#000000' : '#ffffff';
  }

  function pointItem(map, i) {
    var p = map.points[i];
    var item = { value: [p.lon, p.lat], point: i };
    if (map.bubble) { // a circle of the answer's radius, its area by the value; translucent over those under it
      var color = map.classified ? map.groups[p.group].color : map.pin.fill;
      item.symbolSize = 2 * p.radius;
      item.itemStyle = { color: rgba(color, 0.6), borderColor: color, borderWidth: p.radius >= 3 ? 1 : 0 };
      return item;
    }
    if (map.classified) { item.itemStyle = { color: map.groups[p.group].color, borderColor: '#ffffff' }; }
    return item;
  }

  /* A bubble as Redash's: the group's colour with a lighter ring, the count inside, larger for more markers. */
  function clusterItem(map, c) {
    var color = map.groups[c.group].color;
    var radius = 14 + 4 * Math.log(c.count) / Math.LN10;
    return { value: [c.lon, c.lat], count: c.count, group: c.group, members: c.members, symbolSize: 2 * radius - 5,
      itemStyle: { color: rgba(color, 0.85), borderColor: rgba(color, 0.4), borderWidth: 5 },
      label: { color: textOn(color) } };
  }

  /* The two marker series' data at a zoom level: markers standing alone, then clusters (none when not clustering). */
  function markerData(map, state, level) {
    if (!state.clusters) { return [map.points.map(function (p, i) { return pointItem(map, i); }), []]; }
    var singles = [], clusters = [];
    state.clusters(level).forEach(function (c) {
      if (c.count === 1) { singles.push(pointItem(map, c.members[0])); } else { clusters.push(clusterItem(map, c)); }
    });
    return [singles, clusters];
  }

  function markerOption(map, name, theme, state) {
    var classified = map.classified;
    var tooltips = map.points.some(function (p) { return !!p.label; });
    var data = state.clusters ? [[], []] : markerData(map, state, 0); // clusters once the view's zoom is known
    return {
      backgroundColor: theme.sea,
      animation: false,
      tooltip: { show: true, trigger: 'item', confine: true,
        formatter: function (p) {
          if (p.seriesIndex === 1) {
            return p.data.count + ' points' + (classified ? ' (' + escapeHtml(map.groups[p.data.group].name) + ')' : '');
          }
          var point = map.points[p.data.point];
          return point ? tooltipHtml(point.label) : '';
        } },
      geo: {
        map: name, projection: MERCATOR, boundingCoords: markerView(map), roam: true, silent: true,
        left: 4, right: 4, top: 4, bottom: 4,
        label: { show: false },
        itemStyle: { areaColor: theme.land, borderColor: theme.landBorders, borderWidth: 0.6 }
      },
      series: [{
        type: 'scatter', coordinateSystem: 'geo', geoIndex: 0, tooltip: { show: tooltips },
        symbol: classified || map.bubble ? 'circle' : 'pin', symbolSize: classified ? 12 : 22, // a pin's tip at the point
        // opaque pins, circles at 0.9 as the desktop draws them (ECharts' scatter would draw at 0.8); bubbles their own
        itemStyle: { color: map.pin.fill, borderColor: map.pin.border || map.pin.fill, borderWidth: 1,
          opacity: map.bubble ? 1 : classified ? 0.9 : 1 },
        emphasis: { scale: map.bubble ? false : 1.3 },
        data: data[0]
      }, {
        type: 'scatter', coordinateSystem: 'geo', geoIndex: 0, symbol: 'circle', z: 3,
        itemStyle: { opacity: 1 }, // each bubble's own alphas, not ECharts' scatter's 0.8 over them
        label: { show: true, position: 'inside', fontWeight: 'bold', fontSize: 11,
          formatter: function (p) { var n = p.data.count; return n >= 10000 ? Math.floor(n / 1000) + 'k' : String(n); } },
        emphasis: { scale: 1.1 },
        data: data[1]
      }]
    };
  }

  /* The zoom level the view is at: how wide it draws the whole world. */
  function viewLevel(chart) {
    var west = chart.convertToPixel({ geoIndex: 0 }, [-180, 0]);
    var east = chart.convertToPixel({ geoIndex: 0 }, [180, 0]);
    var level = window.SightlineClusters.level(Math.abs(east[0] - west[0]));
    return isFinite(level) ? level : 0;
  }

  /* Clusters the markers anew when the view's zoom level changed (or at once when asked). */
  function recluster(entry, force) {
    var state = entry.markers;
    if (!state || !state.clusters) { return; }
    var level = viewLevel(entry.chart);
    if (!force && level === state.level) { return; }
    state.level = level;
    var data = markerData(state.map, state, level);
    entry.chart.setOption({ series: [{ data: data[0] }, { data: data[1] }] });
  }

  /* A click on a cluster zooms in on it, centred, until its markers spread over about half the view. */
  function zoomInto(entry, cluster) {
    var chart = entry.chart;
    var w = chart.getWidth(), h = chart.getHeight();
    var at = chart.convertToPixel({ geoIndex: 0 }, cluster.value);
    var box = [Infinity, Infinity, -Infinity, -Infinity];
    cluster.members.forEach(function (i) {
      var p = entry.markers.map.points[i];
      var px = chart.convertToPixel({ geoIndex: 0 }, [p.lon, p.lat]);
      box = [Math.min(box[0], px[0]), Math.min(box[1], px[1]), Math.max(box[2], px[0]), Math.max(box[3], px[1])];
    });
    var spread = Math.max((box[2] - box[0]) / w, (box[3] - box[1]) / h, 1e-9);
    var zoom = Math.max(2, Math.min(0.5 / spread,
      Math.pow(2, window.SightlineClusters.MAX_LEVEL - entry.markers.level)));
    chart.dispatchAction({ type: 'hideTip' }); // its bubble is gone
    chart.dispatchAction({ type: 'geoRoam', componentType: 'geo', geoIndex: 0, dx: w / 2 - at[0], dy: h / 2 - at[1],
      zoom: zoom, originX: w / 2, originY: h / 2 });
  }

  /* A region or marker clicked: its result row to drill through with; a cluster: zoom in on it. */
  function clicked(entry, p) {
    var map = entry.drawnMap;
    if (!map) { return; }
    if (map.kind === 'markers' && p.seriesIndex === 1) {
      zoomInto(entry, p.data);
      return;
    }
    var row = null;
    if (map.kind === 'choropleth') {
      map.regions.forEach(function (r) { if (r.key === p.name) { row = r.row; } });
    } else if (p.data && map.points[p.data.point]) {
      row = map.points[p.data.point].row;
    }
    if (entry.onMapRow && row !== null && row !== undefined) { entry.onMapRow(row); }
  }

  /*
   * Draws a widget's map; resolves once it is drawn (the outlines may have to be fetched first). onRow, when given,
   * is called with the index of the result row of a region or marker clicked (a drill-through).
   */
  function draw(entry, map, dark, onRow) {
    var holder = holderOf(entry);
    return registered(map).then(function (name) {
      if (!entry.chart) {
        entry.chart = echarts.init(holder, dark ? 'dark' : null);
        entry.chart.on('georoam', function () { recluster(entry, false); });
        entry.chart.on('finished', function () { recluster(entry, false); }); // e.g. resized: the world is wider
        entry.chart.on('click', function (p) { clicked(entry, p); });
      }
      entry.drawnMap = map;
      entry.onMapRow = onRow || null;
      entry.box.classList.toggle('drills', !!onRow);
      var theme = dark ? THEMES.dark : THEMES.light;
      if (map.kind === 'choropleth') {
        entry.markers = null;
        entry.chart.setOption(choroplethOption(map, name, theme), true);
      } else {
        entry.markers = { map: map, level: null,
          clusters: map.cluster ? window.SightlineClusters.clusterer(map.points) : null };
        entry.chart.setOption(markerOption(map, name, theme, entry.markers), true);
        recluster(entry, true);
      }
      legend(entry, map);
      notes(entry, map);
    });
  }

  window.SightlineMaps = { draw: draw };
}());
