package com.airline.gateway.docs;

import com.airline.chassis.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code GET /api/v1/openapi}: the whole public API, YAML, or JSON with {@code Accept:
 * application/json} or {@code ?format=json}; 503 while a service's document cannot be had.
 */
@Path("v1/openapi")
@ApplicationScoped
public class OpenApiResource {

  @Inject ApiDocument document;

  @GET
  @Operation(hidden = true)
  public Response openapi(
      @QueryParam("format") String format, @HeaderParam("Accept") String accept) {
    Map<String, Object> whole;
    try {
      whole = document.build();
    } catch (ApiDocument.UnavailableException e) {
      return Problem.of(503, e.getMessage(), null, null)
          .response()
          .header("Retry-After", "5")
          .build();
    }
    CacheControl noCache = new CacheControl();
    noCache.setNoCache(true);
    boolean json =
        "json".equalsIgnoreCase(format)
            || (format == null && accept != null && accept.contains("application/json"));
    if (json) {
      return Response.ok(Json.createObjectBuilder(whole).build().toString(), "application/json")
          .cacheControl(noCache)
          .build();
    }
    return Response.ok(yaml(whole), "application/yaml;charset=utf-8").cacheControl(noCache).build();
  }

  /** Block YAML, keys in the document's order. */
  public static String yaml(Map<String, Object> document) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setWidth(100);
    options.setSplitLines(false);
    return new Yaml(options).dump(document);
  }
}
