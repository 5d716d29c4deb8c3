/**
 * The visualization option model shared by every renderer (desktop, web viewer, report images): typed views over
 * Redash-shaped options JSON with Redash's defaults, validation, and the shaping of a result into what is drawn.
 * Plain Java: no JavaFX, no Spring. Options are kept as the JSON map they came in, so unknown keys survive.
 */
package io.sightline.common.visualization;
