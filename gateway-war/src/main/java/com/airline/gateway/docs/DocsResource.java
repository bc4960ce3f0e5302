package com.airline.gateway.docs;

import com.airline.chassis.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code GET /api/v1/openapi} (YAML; JSON with {@code Accept: application/json} or {@code
 * ?format=json}) and {@code GET /api/v1/docs}, Swagger UI on it, its files from the webjar. Public:
 * the gateway's door only guards what it forwards.
 */
@Path("v1")
@ApplicationScoped
public class DocsResource {

  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final Map<String, String> TYPES =
      Map.of(
          "js", "text/javascript",
          "css", "text/css",
          "png", "image/png",
          "html", "text/html",
          "map", "application/json");

  @Inject ApiDocument document;

  private final String version = webjarVersion();

  @GET
  @Path("openapi")
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

  @GET
  @Path("docs")
  @Operation(hidden = true)
  public Response page() {
    String html =
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Airline API</title>
          <link rel="stylesheet" href="docs/swagger-ui.css">
        </head>
        <body>
          <div id="api"></div>
          <script src="docs/swagger-ui-bundle.js"></script>
          <script>
            window.ui = SwaggerUIBundle({
              url: "openapi?format=json",
              dom_id: "#api",
              deepLinking: true,
              persistAuthorization: true,
              tryItOutEnabled: true,
              displayRequestDuration: true
            });
          </script>
        </body>
        </html>
        """;
    return Response.ok(html, "text/html;charset=utf-8").build();
  }

  @GET
  @Path("docs/{file: [A-Za-z0-9._-]+}")
  @Operation(hidden = true)
  public Response file(@PathParam("file") String file) {
    InputStream in =
        DocsResource.class.getClassLoader().getResourceAsStream(WEBJAR + version + "/" + file);
    if (in == null || file.startsWith(".")) {
      return Problem.of(404, "No such file of the API page.", null, null).response().build();
    }
    String extension = file.substring(file.lastIndexOf('.') + 1);
    CacheControl cache = new CacheControl();
    cache.setMaxAge(3600);
    return Response.ok(in, TYPES.getOrDefault(extension, "application/octet-stream"))
        .cacheControl(cache)
        .build();
  }

  private static String webjarVersion() {
    try (InputStream in =
        DocsResource.class
            .getClassLoader()
            .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException | NullPointerException e) {
      throw new UncheckedIOException(new IOException("The swagger-ui webjar is missing", e));
    }
  }
}
