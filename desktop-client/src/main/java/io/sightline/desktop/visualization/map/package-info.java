/**
 * Native maps: the choropleth ({@link io.sightline.desktop.visualization.map.ChoroplethMap}) and the marker map
 * ({@link io.sightline.desktop.visualization.map.MarkerMap}), drawn on a canvas from outlines bundled as
 * resources (no tiles, no network), with pan, zoom, tooltips, legends and light/dark themes.
 */
package io.sightline.desktop.visualization.map;
