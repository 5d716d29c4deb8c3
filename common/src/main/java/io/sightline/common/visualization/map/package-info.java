/**
 * Maps as every renderer draws them: the bundled outlines ({@link io.sightline.common.visualization.map.MapOutlines}),
 * a choropleth's classes and fill colours ({@link io.sightline.common.visualization.map.ChoroplethShape}) and a
 * marker map's points and group colours ({@link io.sightline.common.visualization.map.MarkerLayer}), so the desktop
 * and the shared web page colour the same country the same way. Plain Java: colours are {@link
 * io.sightline.common.visualization.map.Rgb}, projection and drawing are the renderer's.
 */
package io.sightline.common.visualization.map;
