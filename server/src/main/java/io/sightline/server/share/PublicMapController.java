package io.sightline.server.share;

import io.sightline.common.visualization.map.MapOutlines;
import io.sightline.server.system.ApiException;
import java.util.Arrays;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * {@code GET /viewer/maps/{countries|usa}.geojson}: the outlines a shared page's maps are drawn on, from this server
 * (the page's policy allows no other), revalidated by ETag like the page's own script. Public like the viewer's
 * files: outlines are no one's data.
 */
@RestController
class PublicMapController {

    static final String PATH = "/viewer/maps/";
    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    private final PublicMapOutlines outlines;

    PublicMapController(PublicMapOutlines outlines) {
        this.outlines = outlines;
    }

    /** Where the page fetches a layer's outlines. */
    static String pathOf(MapOutlines layer) {
        return PATH + layer.layerName() + ".geojson";
    }

    @GetMapping(PATH + "{file}")
    ResponseEntity<byte[]> outline(@PathVariable String file, WebRequest request) {
        MapOutlines layer = Arrays.stream(MapOutlines.values()).filter(l -> pathOf(l).equals(PATH + file))
                .findFirst().orElseThrow(() -> ApiException.notFound("There is no map outline '" + file
                        + "': the page draws countries.geojson and usa.geojson"));
        PublicMapOutlines.Layer outline = outlines.layer(layer);
        if (request.checkNotModified(outline.etag())) {
            return null;
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noCache().cachePublic()).eTag(outline.etag())
                .contentType(GEO_JSON).body(outline.geoJson());
    }
}
