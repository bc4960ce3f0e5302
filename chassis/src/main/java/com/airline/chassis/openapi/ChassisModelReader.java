package com.airline.chassis.openapi;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The pieces every service's document shares, before Payara adds what it scans: info (title and
 * description from {@code chassis.openapi.title} / {@code .description}), the RFC 9457 problem
 * schema with its {@code errors[]}, the bearer-JWT scheme and the headers of every answer. Named in
 * each WAR's {@code mp.openapi.model.reader}.
 */
public class ChassisModelReader implements OASModelReader {

  public static final String PROBLEM = "#/components/schemas/Problem";
  public static final String BEARER = "bearer";
  public static final List<String> RATE_LIMIT_HEADERS =
      List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");

  @Override
  public OpenAPI buildModel() {
    Config config = ConfigProvider.getConfig(ChassisModelReader.class.getClassLoader());
    String service = config.getOptionalValue("chassis.grid.service", String.class).orElse("api");
    return OASFactory.createOpenAPI()
        .info(
            OASFactory.createInfo()
                .title(
                    config.getOptionalValue("chassis.openapi.title", String.class).orElse(service))
                .description(
                    config
                        .getOptionalValue("chassis.openapi.description", String.class)
                        .orElse(null))
                .version(
                    config.getOptionalValue("chassis.openapi.version", String.class).orElse("1")))
        .components(
            OASFactory.createComponents()
                .schemas(new TreeMap<>(Map.of("FieldError", fieldError(), "Problem", problem())))
                .securitySchemes(
                    Map.of(
                        BEARER,
                        OASFactory.createSecurityScheme()
                            .type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .bearerFormat("JWT")
                            .description(
                                "An RS256 access token from POST /api/v1/auth/signin:"
                                    + " Authorization: Bearer <token>. Its groups are the"
                                    + " caller's roles. A service's token (group SERVICE, for"
                                    + " calls between the services) is good only where x-roles"
                                    + " names SERVICE: anywhere else it gets 403, even where no"
                                    + " token is needed.")))
                .headers(headers()));
  }

  private static Schema string(String description) {
    return OASFactory.createSchema().type(Schema.SchemaType.STRING).description(description);
  }

  private static Schema fieldError() {
    return OASFactory.createSchema()
        .type(Schema.SchemaType.OBJECT)
        .description("One invalid field of the request and what is wrong with it.")
        .addProperty("field", string("The field, query parameter or header").example("password"))
        .addProperty(
            "message", string("What is wrong with it").example("size must be between 8 and 128"));
  }

  private static Schema problem() {
    return OASFactory.createSchema()
        .type(Schema.SchemaType.OBJECT)
        .description(
            "An RFC 9457 problem, the one error shape of the API (application/problem+json). A"
                + " service may add members of its own (for example availableSeats).")
        .required(List.of("type", "title", "status"))
        .addProperty(
            "type", string("A URI reference naming the problem type").example("about:blank"))
        .addProperty("title", string("The status's reason phrase").example("Bad Request"))
        .addProperty(
            "status",
            OASFactory.createSchema()
                .type(Schema.SchemaType.INTEGER)
                .format("int32")
                .description("The HTTP status")
                .example(400))
        .addProperty(
            "detail",
            string("What went wrong, for a person").example("The request has invalid fields."))
        .addProperty("instance", string("The request's path").example("/api/v1/auth/signup"))
        .addProperty(
            "requestId",
            string("The request's X-Request-ID, as logged by every service it reached")
                .example("6f1c2a9e-0b7d-4c1e-9a57-3f0e8e1d2c44"))
        .addProperty(
            "errors",
            OASFactory.createSchema()
                .type(Schema.SchemaType.ARRAY)
                .description("For invalid input: each invalid field")
                .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
        .additionalPropertiesBoolean(Boolean.TRUE);
  }

  private static Map<String, Header> headers() {
    Schema integer = OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int64");
    return new TreeMap<>(
        Map.of(
            "X-Request-ID",
            OASFactory.createHeader()
                .description(
                    "The request's id: the caller's own when well-formed, else a new one. Every"
                        + " service logs it and passes it on.")
                .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING)),
            "RateLimit-Limit",
            OASFactory.createHeader()
                .description("Requests allowed to this client per window")
                .schema(integer),
            "RateLimit-Remaining",
            OASFactory.createHeader()
                .description("Requests left to this client in the current window")
                .schema(integer),
            "RateLimit-Reset",
            OASFactory.createHeader()
                .description("Seconds until the window resets")
                .schema(integer),
            "Retry-After",
            OASFactory.createHeader()
                .description("Seconds to wait before trying again")
                .schema(integer)));
  }
}
