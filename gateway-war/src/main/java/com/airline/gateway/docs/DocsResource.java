package com.airline.gateway.docs;

import com.airline.chassis.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/v1/docs}: Swagger UI on the public document, its files from the webjar. Public:
 * the gateway's door only guards what it forwards. (Its own root path: a class at {@code v1} would
 * take every /api/v1 request from the proxy, JAX-RS choosing the class by its literal path first.)
 */
@Path("v1/docs")
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

  private final String version = webjarVersion();

  @GET
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
  @Path("{file: [A-Za-z0-9._-]+}")
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
