package io.sightline.server.datasource;

import io.sightline.common.api.datasource.ConnectionTestResult;
import io.sightline.common.api.datasource.DataSourceDetail;
import io.sightline.common.api.datasource.DataSourceRequest;
import io.sightline.common.api.datasource.DataSourceSchema;
import io.sightline.common.api.datasource.DataSourceSummary;
import io.sightline.common.api.datasource.DataSourceType;
import io.sightline.server.auth.CurrentUser;
import io.sightline.server.auth.SightlineUser;
import io.sightline.server.system.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Redash's {@code /api/data_sources} endpoints. Changing data sources and testing them is for admins. */
@RestController
@RequestMapping("/api/data_sources")
class DataSourceController {

    private final DataSourceService service;
    private final DataSourceViews views;
    private final DataSourceTypes types;
    private final ConfiguredDataSources configured;
    private final ConnectionTester tester;
    private final SchemaBrowser schemas;

    DataSourceController(DataSourceService service, DataSourceViews views, DataSourceTypes types,
                         ConfiguredDataSources configured, ConnectionTester tester, SchemaBrowser schemas) {
        this.service = service;
        this.views = views;
        this.types = types;
        this.configured = configured;
        this.tester = tester;
        this.schemas = schemas;
    }

    static final int MAX_PAUSE_REASON_CHARS = 1000;

    record PauseRequest(String reason) {
    }

    @GetMapping
    List<DataSourceSummary> list() {
        SightlineUser user = CurrentUser.get();
        if (!user.has("list_data_sources")) {
            throw ApiException.forbidden("Listing data sources needs the 'list_data_sources' permission");
        }
        return views.list(user);
    }

    @GetMapping("/types")
    List<DataSourceType> types() {
        requireAdmin();
        return types.describe();
    }

    @PostMapping
    DataSourceDetail create(@RequestBody DataSourceRequest request) {
        SightlineUser admin = requireAdmin();
        long id = service.create(request.name(), request.type(), request.options());
        return views.detail(id, admin);
    }

    @GetMapping("/{id}")
    DataSourceDetail detail(@PathVariable long id) {
        return views.detail(id, CurrentUser.get());
    }

    @PostMapping("/{id}")
    DataSourceDetail update(@PathVariable long id, @RequestBody DataSourceRequest request) {
        SightlineUser admin = requireAdmin();
        service.update(id, request);
        return views.detail(id, admin);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        requireAdmin();
        service.delete(id);
    }

    /** Redash's pause: queries of a paused data source are refused with the reason. */
    @PostMapping("/{id}/pause")
    DataSourceDetail pause(@PathVariable long id, @RequestBody(required = false) PauseRequest body,
                           @RequestParam(required = false) String reason) {
        SightlineUser admin = requireAdmin();
        String text = body != null && body.reason() != null ? body.reason() : reason;
        if (text != null && text.length() > MAX_PAUSE_REASON_CHARS) {
            throw ApiException.badRequest("'reason' is " + text.length() + " characters; the limit is "
                    + MAX_PAUSE_REASON_CHARS);
        }
        service.pause(id, true, text);
        return views.detail(id, admin);
    }

    @DeleteMapping("/{id}/pause")
    DataSourceDetail resume(@PathVariable long id) {
        SightlineUser admin = requireAdmin();
        service.pause(id, false, null);
        return views.detail(id, admin);
    }

    @PostMapping("/{id}/test")
    ConnectionTestResult test(@PathVariable long id) {
        requireAdmin();
        ConfiguredDataSource source;
        try {
            source = configured.load(id);
        } catch (ApiException e) {
            if (e.status() != org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE) {
                throw e;
            }
            // a secret given by reference cannot be read here: the test's answer, as a refused login would be
            return new ConnectionTestResult(false, e.getMessage());
        }
        return tester.test(source);
    }

    @GetMapping("/{id}/schema")
    DataSourceSchema schema(@PathVariable long id, @RequestParam(defaultValue = "false") boolean refresh) {
        views.requireAccess(id, CurrentUser.get());
        return schemas.schema(configured.load(id), refresh);
    }

    private static SightlineUser requireAdmin() {
        SightlineUser user = CurrentUser.get();
        if (!user.isAdmin()) {
            throw ApiException.forbidden("Only admins may manage data sources");
        }
        return user;
    }
}
