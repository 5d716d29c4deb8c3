/*
 * Redash's "cluster markers" on the shared page, by the desktop's rules (its GridClusterer): at zoom level z (a
 * world of 256 x 2^z pixels, as Leaflet's zoom) the Web Mercator plane is cut into cells of 60 pixels, and the
 * markers of one group in one cell merge into one cluster at their centroid. The grid is fixed to the world, so
 * clusters do not move while panning; each level is computed once. From level 16 on every marker stands alone.
 */
(function () {
  'use strict';

  var WORLD = 256;
  var CELL_PIXELS = 60;
  var MAX_LEVEL = 16;
  var MAX_LAT = 85.0511287798;

  function planeX(lon) { return (lon + 180) / 360 * WORLD; }

  function planeY(lat) {
    var sin = Math.sin(Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI / 180);
    return (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * WORLD;
  }

  function lonOf(x) { return x / WORLD * 360 - 180; }

  function latOf(y) { return Math.atan(Math.sinh(Math.PI - 2 * Math.PI * y / WORLD)) * 180 / Math.PI; }

  /* The zoom level of a view that draws the whole world worldPixels wide. */
  function level(worldPixels) {
    return Math.round(Math.log(worldPixels / WORLD) / Math.LN2);
  }

  /*
   * The clusters of points ({lon, lat, group}) at a level: each {lon, lat, group, count, members}, members being
   * the indexes of its points; a point alone is a cluster of one at its own place.
   */
  function compute(points, at) {
    var cell = CELL_PIXELS / Math.pow(2, at);
    var cells = {};
    var order = [];
    points.forEach(function (p, i) {
      var x = planeX(p.lon), y = planeY(p.lat);
      var key = at >= MAX_LEVEL ? 'p' + i : Math.floor(x / cell) + ' ' + Math.floor(y / cell) + ' ' + p.group;
      var c = cells[key];
      if (!c) {
        c = cells[key] = { x: 0, y: 0, group: p.group, members: [] };
        order.push(c);
      }
      c.x += x;
      c.y += y;
      c.members.push(i);
    });
    return order.map(function (c) {
      var n = c.members.length;
      var alone = points[c.members[0]];
      return { lon: n === 1 ? alone.lon : lonOf(c.x / n), lat: n === 1 ? alone.lat : latOf(c.y / n), group: c.group,
        count: n, members: c.members };
    });
  }

  /* A function of a zoom level giving the points' clusters there (each level computed once). */
  function clusterer(points) {
    var byLevel = {};
    return function (at) {
      var z = Math.min(at, MAX_LEVEL);
      if (!byLevel[z]) { byLevel[z] = compute(points, z); }
      return byLevel[z];
    };
  }

  window.SightlineClusters = { clusterer: clusterer, level: level, MAX_LEVEL: MAX_LEVEL };
}());
