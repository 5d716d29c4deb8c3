/**
 * Redash-compatible query parameters: declarations as Redash stores them, validation of one value
 * (for a form field or the server), dynamic dates, and binding values into Mustache SQL.
 *
 * <p>Plain Java on purpose: shared by the server and the desktop client, it depends on nothing but
 * Jackson's annotations.
 */
package io.sightline.common.parameter;
