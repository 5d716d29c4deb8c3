// Converts the map outlines bundled in common for every renderer (desktop and shared page), once (npm install && node convert.mjs).
// Inputs (npm, pinned in package.json): world-atlas (Natural Earth 1:50m, public domain), us-atlas (US Census
// cartographic boundaries, public domain), i18n-iso-countries (MIT) and @redash/viz (BSD-2-Clause; only the
// property names and codes of its countries file, so that keys match Redash's `targetField` values).
// Output: compact JSON read by io.sightline.desktop.visualization.map.MapShapes — one object per feature with
// its properties and its polygons as flat [x0, y0, x1, y1, ...] rings.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import * as topojson from 'topojson-client';
import { presimplify, simplify, quantile } from 'topojson-simplify';
import countries from 'i18n-iso-countries';

const require = createRequire(import.meta.url);
const here = path.dirname(new URL(import.meta.url).pathname);
const out = path.resolve(here, '../../../common/src/main/resources/io/sightline/common/visualization/map');
const read = (p) => JSON.parse(fs.readFileSync(require.resolve(p), 'utf8'));

// Keeps about `keep` of the vertices, those that matter most (topology-preserving, so shared borders stay shared).
function simplified(topology, keep) {
  const pre = presimplify(topology);
  return simplify(pre, quantile(pre, keep));
}

// Rings that cross the antimeridian jump from +180 to -180 between two points. A ring that crosses twice is made
// continuous (its far side then lies past ±180); one that crosses once goes round a pole, closed along it.
function unwrap(ring) {
  const jumps = ring.filter((p, i) => i > 0 && Math.abs(p[0] - ring[i - 1][0]) > 180).length;
  if (jumps === 0) return ring;
  const out = [ring[0]];
  let shift = 0;
  for (let i = 1; i < ring.length; i++) {
    const [x, y] = ring[i];
    const dx = x - ring[i - 1][0];
    if (Math.abs(dx) > 180) {
      if (jumps % 2 === 1) {
        const pole = y < 0 ? -90 : 90;
        out.push([ring[i - 1][0], pole], [x, pole]);
      } else {
        shift -= Math.sign(dx) * 360;
      }
    }
    out.push([x + shift, y]);
  }
  return out;
}

function rings(geometry, digits) {
  const polygons = geometry == null ? [] : geometry.type === 'Polygon' ? [geometry.coordinates]
    : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  const f = 10 ** digits;
  return polygons
    .map((polygon) => polygon
      .map((ring) => unwrap(ring).flatMap(([x, y]) => [Math.round(x * f) / f, Math.round(y * f) / f]))
      .filter((ring) => ring.length >= 6))
    .filter((polygon) => polygon.length > 0);
}

function write(name, document) {
  const file = path.join(out, name);
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(document));
  const points = document.features.reduce((n, f) => n + f.polygons.flat(2).length / 2, 0);
  console.log(`${file}: ${document.features.length} features, ${points} points, ${fs.statSync(file).size} bytes`);
}

// World countries: Natural Earth 1:50m (has the small states 1:110m drops, e.g. Singapore), thinned.
const world = read('world-atlas/countries-50m.json');
const redash = read('@redash/viz/lib/visualizations/choropleth/maps/countries.geo.json').features.map((f) => f.properties);
const byNumeric = new Map(redash.filter((p) => p.iso_n3).map((p) => [p.iso_n3, p]));
const byName = new Map(redash.map((p) => [p.name, p]));
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
const thinWorld = simplified(world, 0.35);
const worldFeatures = topojson.feature(thinWorld, thinWorld.objects.countries).features.map((f) => {
  const known = (f.id && byNumeric.get(f.id)) || byName.get(f.properties.name);
  const iso2 = f.id ? countries.numericToAlpha2(f.id) : undefined;
  const properties = known ? { ...known } : {
    abbrev: f.properties.name,
    name: f.properties.name,
    name_long: (iso2 && countries.getName(iso2, 'en')) || f.properties.name,
    iso_a2: iso2 || '-99',
    iso_a3: (iso2 && countries.alpha2ToAlpha3(iso2)) || '-99',
    iso_n3: f.id || '-99',
  };
  return { properties, polygons: rings(f.geometry, 3) };
});
write('world-countries.json', {
  source: 'world-atlas 2.0.2 countries-50m (Natural Earth, public domain), simplified; see desktop-client/tools/maps',
  coordinates: 'lonlat',
  fields: ['name', 'name_long', 'abbrev', 'iso_a2', 'iso_a3', 'iso_n3'],
  features: worldFeatures,
});

// US states: us-atlas's Albers USA composite (Alaska and Hawaii as insets), already projected to a
// 975 x 610 plane, y down. Codes as Redash's usa map names them.
const codes = new Map(fs.readFileSync(path.join(here, 'us-states.csv'), 'utf8').trim().split('\n').slice(1)
  .map((line) => line.split(',')).map(([fips, usps, ns]) => [fips, { usps, ns }]));
const us = read('us-atlas/states-albers-10m.json');
const thinUs = simplified(us, 0.5);
const usFeatures = topojson.feature(thinUs, thinUs.objects.states).features.map((f) => {
  const code = codes.get(f.id) || {};
  return {
    properties: { name: f.properties.name, ns_code: code.ns, geoid: f.id, usps_abbrev: code.usps, fips_code: f.id },
    polygons: rings(f.geometry, 2),
  };
});
write('us-states.json', {
  source: 'us-atlas 3.0.1 states-albers-10m (US Census Bureau, public domain), simplified; see desktop-client/tools/maps',
  coordinates: 'albers-usa-975x610',
  fields: ['name', 'ns_code', 'geoid', 'usps_abbrev', 'fips_code'],
  features: usFeatures,
});
