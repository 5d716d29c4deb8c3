package io.sightline.server.snippet;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sightline.common.api.snippet.QuerySnippet;
import io.sightline.server.auth.CurrentUser;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Redash's {@code /api/query_snippets}: a plain array when listed, the snippet itself otherwise. */
@RestController
@RequestMapping("/api/query_snippets")
class SnippetController {

    private final SnippetService service;

    SnippetController(SnippetService service) {
        this.service = service;
    }

    record SnippetBody(@JsonProperty("trigger") String trigger, @JsonProperty("description") String description,
                       @JsonProperty("snippet") String snippet) {

        SnippetService.Fields fields() {
            return new SnippetService.Fields(trigger, description, snippet);
        }
    }

    @GetMapping
    List<QuerySnippet> list() {
        CurrentUser.get();
        return service.list();
    }

    @PostMapping
    QuerySnippet create(@RequestBody SnippetBody body) {
        return service.create(CurrentUser.get(), body.fields());
    }

    @GetMapping("/{id}")
    QuerySnippet get(@PathVariable long id) {
        CurrentUser.get();
        return service.get(id);
    }

    @PostMapping("/{id}")
    QuerySnippet update(@PathVariable long id, @RequestBody SnippetBody body) {
        return service.update(CurrentUser.get(), id, body.fields());
    }

    /** Answers 200 with no body, as Redash (whose handler returns nothing). */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        service.delete(CurrentUser.get(), id);
        return ResponseEntity.ok().build();
    }
}
