package com.airline.chassis.openapi;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes what Payara scanned, from the deployed resource methods ({@link ResourceMethods}): a
 * unique operationId ({@code usersGet}), the service's tag ({@code chassis.openapi.tag}), limits of
 * parameters and request records, the roles of {@code @RolesAllowed} ({@code x-roles} and the
 * bearer scheme), {@code x-internal} for SERVICE-only operations, success codes in place of {@code
 * default}, and on every operation the problems it can answer and the common headers. Named in each
 * WAR's {@code mp.openapi.filter}.
 */
public class ChassisFilter implements OASFilter {

  private static final Logger LOG = Logger.getLogger(ChassisFilter.class.getName());
  static final String INTERNAL = "x-internal";
  static final String ROLES = "x-roles";
  private static final String SCHEMAS = "#/components/schemas/";
  private static final String PAGE = "Page";
  private static final String HEADERS = "#/components/headers/";

  private static final Map<String, String> PROBLEMS =
      Map.of(
          "400", "Invalid input: the problem's errors[] names each invalid field",
          "401", "No token, or an invalid or expired one",
          "403", "Signed in, but not allowed",
          "404", "Not found",
          "409", "Conflict with the current state",
          "429", "Too many requests from this client; Retry-After says when to try again",
          "503", "A service is down or starting; try again shortly");

  /**
   * Payara fills the schema of a method-level {@code @Parameter} or an {@code @APIResponse} with
   * the annotation's defaults as if set: {@code maxProperties: 0} (no property allowed), {@code
   * multipleOf: 0.0} (invalid), {@code minItems: 2147483647}... They go.
   */
  @Override
  public Schema filterSchema(Schema schema) {
    if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
      schema.setMaxProperties(null);
    }
    if (Integer.valueOf(0).equals(schema.getMinProperties())) {
      schema.setMinProperties(null);
    }
    if (Integer.valueOf(0).equals(schema.getMinLength())) {
      schema.setMinLength(null);
    }
    if (Integer.valueOf(Integer.MAX_VALUE).equals(schema.getMaxLength())) {
      schema.setMaxLength(null);
    }
    if (schema.getMinItems() != null
        && (schema.getMinItems() == Integer.MAX_VALUE || schema.getMinItems() <= 0)) {
      schema.setMinItems(null);
    }
    if (schema.getMaxItems() != null
        && (schema.getMaxItems() == Integer.MAX_VALUE || schema.getMaxItems() < 0)) {
      schema.setMaxItems(null);
    }
    if (schema.getMultipleOf() != null && schema.getMultipleOf().signum() <= 0) {
      schema.setMultipleOf(null);
    }
    if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
      schema.setExclusiveMaximum(null);
    }
    if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
      schema.setExclusiveMinimum(null);
    }
    if (Boolean.FALSE.equals(schema.getUniqueItems())) {
      schema.setUniqueItems(null);
    }
    if (Boolean.FALSE.equals(schema.getNullable())) {
      schema.setNullable(null);
    }
    if (Boolean.FALSE.equals(schema.getReadOnly())) {
      schema.setReadOnly(null);
    }
    if (Boolean.FALSE.equals(schema.getWriteOnly())) {
      schema.setWriteOnly(null);
    }
    if (Boolean.FALSE.equals(schema.getDeprecated())) {
      schema.setDeprecated(null);
    }
    if (schema.getExample() instanceof String example
        && (schema.getType() == Schema.SchemaType.INTEGER
            || schema.getType() == Schema.SchemaType.NUMBER)) {
      // @Schema(example = "42") is a string to Payara
      try {
        java.math.BigDecimal number = new java.math.BigDecimal(example);
        schema.setExample(number.scale() <= 0 ? (Object) number.longValueExact() : (Object) number);
      } catch (ArithmeticException | NumberFormatException e) {
        // left as written
      }
    }
    return schema;
  }

  @Override
  public Parameter filterParameter(Parameter parameter) {
    if (Boolean.FALSE.equals(parameter.getAllowEmptyValue())) {
      parameter.setAllowEmptyValue(null);
    }
    if (Boolean.FALSE.equals(parameter.getAllowReserved())) {
      parameter.setAllowReserved(null);
    }
    if (Boolean.FALSE.equals(parameter.getDeprecated())) {
      parameter.setDeprecated(null);
    }
    return parameter;
  }

  @Override
  public void filterOpenAPI(OpenAPI api) {
    Config config = ConfigProvider.getConfig(ChassisFilter.class.getClassLoader());
    String tag =
        config
            .getOptionalValue("chassis.openapi.tag", String.class)
            .or(() -> config.getOptionalValue("chassis.grid.service", String.class))
            .orElse("api");
    Map<String, ResourceMethods.Endpoint> endpoints = new HashMap<>();
    ResourceMethods.endpoints().forEach(e -> endpoints.put(key(e.method(), e.path()), e));
    if (api.getPaths() == null) {
      return;
    }
    api.getPaths()
        .getPathItems()
        .forEach(
            (path, item) ->
                item.getOperations()
                    .forEach(
                        (method, operation) -> {
                          try {
                            complete(
                                api, path, operation, tag, endpoints.get(key(method.name(), path)));
                          } catch (RuntimeException e) {
                            // Payara keeps the document of a failed first build for good: never
                            // fail
                            LOG.log(Level.WARNING, "Cannot complete " + method + " " + path, e);
                          }
                        }));
    pages(api);
    Set<Class<?>> records = new LinkedHashSet<>();
    endpoints.values().forEach(e -> reachable(e.javaMethod(), records));
    records.forEach(type -> times(api, type));
    if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
      // Payara leaves out the type of an enum, and of a record whose components carry @Schema
      for (Schema schema : api.getComponents().getSchemas().values()) {
        // (it gives empty lists and maps for what is absent)
        if (schema.getType() == null
            && schema.getEnumeration() != null
            && !schema.getEnumeration().isEmpty()) {
          schema.setType(Schema.SchemaType.STRING);
        } else if (schema.getType() == null
            && schema.getProperties() != null
            && !schema.getProperties().isEmpty()) {
          schema.setType(Schema.SchemaType.OBJECT);
        }
      }
    }
  }

  /** The records a method takes or answers, and those they hold. */
  private static void reachable(Method method, Set<Class<?>> records) {
    List<java.lang.reflect.Type> types = new ArrayList<>();
    types.add(method.getGenericReturnType());
    types.addAll(List.of(method.getGenericParameterTypes()));
    while (!types.isEmpty()) {
      java.lang.reflect.Type type = types.remove(types.size() - 1);
      if (type instanceof java.lang.reflect.ParameterizedType generic) {
        types.add(generic.getRawType());
        types.addAll(List.of(generic.getActualTypeArguments()));
      } else if (type instanceof Class<?> c && c.isRecord() && records.add(c)) {
        for (RecordComponent component : c.getRecordComponents()) {
          types.add(component.getGenericType());
        }
      }
    }
  }

  /**
   * What Payara gets wrong of a Java type: java.time values are ISO-8601 strings (not objects),
   * whole numbers are integers (not numbers).
   */
  private static void typed(Class<?> c, Schema schema) {
    if (c == java.time.LocalDate.class) {
      schema.type(Schema.SchemaType.STRING).format("date").properties(null);
    } else if (java.time.temporal.Temporal.class.isAssignableFrom(c)) {
      schema.type(Schema.SchemaType.STRING).format("date-time").properties(null);
    } else if (c == Long.class || c == long.class) {
      schema.type(Schema.SchemaType.INTEGER).format("int64");
    } else if (c == Integer.class || c == int.class) {
      schema.type(Schema.SchemaType.INTEGER).format("int32");
    }
  }

  /** Payara describes java.time values as objects: they travel as ISO-8601 strings. */
  private static void times(OpenAPI api, Class<?> type) {
    if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
      return;
    }
    Schema schema = api.getComponents().getSchemas().get(type.getSimpleName());
    if (schema == null || schema.getProperties() == null) {
      return;
    }
    for (RecordComponent component : type.getRecordComponents()) {
      Schema property = schema.getProperties().get(component.getName());
      if (property != null && property.getRef() == null) {
        typed(component.getType(), property);
      }
    }
  }

  /** X of a method that answers {@code Page<X>}. */
  private static java.util.Optional<String> pageOf(Method method) {
    if (method.getReturnType() == com.airline.chassis.page.Page.class
        && method.getGenericReturnType() instanceof java.lang.reflect.ParameterizedType type
        && type.getActualTypeArguments()[0] instanceof Class<?> item) {
      return java.util.Optional.of(item.getSimpleName());
    }
    return java.util.Optional.empty();
  }

  /** Payara drops the type argument of Page: its answer is a page of that item's schema. */
  private static void pageAnswer(Operation operation, String item) {
    APIResponse ok =
        operation.getResponses() == null ? null : operation.getResponses().getDefaultValue();
    if (ok != null) {
      ok.setContent(
          OASFactory.createContent()
              .addMediaType(
                  "application/json",
                  OASFactory.createMediaType()
                      .schema(OASFactory.createSchema().ref(SCHEMAS + item + PAGE))));
    }
  }

  /**
   * A {@code <Item>Page} schema for each such reference (a method answering {@code Page<Item>}, or
   * an {@code @APIResponse} naming one), in the shape of the chassis's {@code Page}.
   */
  private static void pages(OpenAPI api) {
    if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
      return;
    }
    Set<String> referenced = new java.util.TreeSet<>();
    api.getPaths()
        .getPathItems()
        .values()
        .forEach(
            item ->
                item.getOperations()
                    .values()
                    .forEach(
                        op -> {
                          if (op.getResponses() != null) {
                            op.getResponses()
                                .getAPIResponses()
                                .values()
                                .forEach(r -> referencedPages(r, referenced));
                          }
                        }));
    for (String item : referenced) {
      String name = item + PAGE;
      if (!api.getComponents().getSchemas().containsKey(name)) {
        Schema integer = OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int32");
        api.getComponents()
            .addSchema(
                name,
                OASFactory.createSchema()
                    .type(Schema.SchemaType.OBJECT)
                    .description("One page of " + item + " (?page=0&size=20, size at most 100)")
                    .required(List.of("items", "page", "size", "totalItems", "totalPages"))
                    .addProperty(
                        "items",
                        OASFactory.createSchema()
                            .type(Schema.SchemaType.ARRAY)
                            .items(OASFactory.createSchema().ref(SCHEMAS + item)))
                    .addProperty("page", integer)
                    .addProperty("size", integer)
                    .addProperty(
                        "totalItems",
                        OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int64"))
                    .addProperty("totalPages", integer));
      }
    }
  }

  private static void referencedPages(APIResponse response, Set<String> referenced) {
    if (response == null || response.getContent() == null) {
      return;
    }
    response
        .getContent()
        .getMediaTypes()
        .values()
        .forEach(
            media -> {
              String ref = media.getSchema() == null ? null : media.getSchema().getRef();
              if (ref != null && ref.startsWith(SCHEMAS) && ref.endsWith(PAGE)) {
                referenced.add(ref.substring(SCHEMAS.length(), ref.length() - PAGE.length()));
              }
            });
  }

  private static String key(String method, String path) {
    return method.toUpperCase() + " " + path.replaceAll("\\{[^}]*}", "{}");
  }

  private void complete(
      OpenAPI api,
      String path,
      Operation operation,
      String tag,
      ResourceMethods.Endpoint endpoint) {
    if (operation.getTags() == null || operation.getTags().isEmpty()) {
      operation.addTag(tag);
    }
    List<String> roles = List.of();
    boolean internal =
        operation.getExtensions() != null && operation.getExtensions().containsKey(INTERNAL);
    boolean hasInput = operation.getRequestBody() != null;
    if (endpoint != null) {
      Method method = endpoint.javaMethod();
      String resource = method.getDeclaringClass().getSimpleName().replaceFirst("Resource$", "");
      operation.setOperationId(lower(resource) + upper(method.getName()));
      roles = roles(method);
      internal |= roles.contains("SERVICE");
      hasInput |= parameters(api, operation, method);
      pageOf(method).ifPresent(item -> pageAnswer(operation, item));
    }
    if (operation.getParameters() != null && !operation.getParameters().isEmpty()) {
      hasInput |= operation.getParameters().stream().anyMatch(p -> p.getIn() != Parameter.In.PATH);
    }
    if (internal) {
      operation.addExtension(INTERNAL, Boolean.TRUE);
    }
    boolean secured =
        !roles.isEmpty() || (operation.getSecurity() != null && !operation.getSecurity().isEmpty());
    if (!roles.isEmpty()) {
      operation.addExtension(ROLES, roles);
      String who = "Roles: " + String.join(", ", roles) + ".";
      operation.setDescription(
          operation.getDescription() == null ? who : operation.getDescription() + " " + who);
    }
    if (secured) {
      operation.setSecurity(
          List.of(OASFactory.createSecurityRequirement().addScheme(ChassisModelReader.BEARER)));
    }
    APIResponses responses = operation.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      operation.setResponses(responses);
    }
    success(responses);
    if (endpoint != null) {
      successOf(api, responses, endpoint.javaMethod());
    }
    Set<String> problems = new LinkedHashSet<>();
    if (hasInput) {
      problems.add("400");
    }
    if (secured) {
      problems.add("401");
    }
    if (!roles.isEmpty()) {
      problems.add("403");
    }
    if (path.contains("{")) {
      problems.add("404");
    }
    problems.add("429");
    problems.add("503");
    for (String status : problems) {
      if (!responses.hasAPIResponse(status)) {
        responses.addAPIResponse(
            status, OASFactory.createAPIResponse().description(PROBLEMS.get(status)));
      }
    }
    responses.getAPIResponses().forEach(ChassisFilter::headers);
  }

  /** Payara calls the answer of a method "default": it is its success. */
  private static void success(APIResponses responses) {
    APIResponse fallback = responses.getDefaultValue();
    if (fallback == null) {
      return;
    }
    responses.removeAPIResponse(APIResponses.DEFAULT);
    boolean declared =
        responses.getAPIResponses() != null
            && responses.getAPIResponses().keySet().stream().anyMatch(s -> s.startsWith("2"));
    if (!declared) {
      boolean content =
          fallback.getContent() != null && !fallback.getContent().getMediaTypes().isEmpty();
      fallback.setDescription(content ? "OK" : "No Content");
      responses.addAPIResponse(content ? "200" : "204", fallback);
    }
  }

  /**
   * Payara leaves out the success of a method that declares only its problems: it is what the
   * method returns (nothing: 204). A {@code Response} says nothing; its method declares it.
   */
  private static void successOf(OpenAPI api, APIResponses responses, Method method) {
    if (responses.getAPIResponses() != null
        && responses.getAPIResponses().keySet().stream().anyMatch(s -> s.startsWith("2"))) {
      return;
    }
    Class<?> type = method.getReturnType();
    if (type == void.class) {
      responses.addAPIResponse("204", OASFactory.createAPIResponse().description("No Content"));
    } else if (type != jakarta.ws.rs.core.Response.class) {
      responses.addAPIResponse(
          "200",
          OASFactory.createAPIResponse()
              .description("OK")
              .content(
                  OASFactory.createContent()
                      .addMediaType(
                          "application/json",
                          OASFactory.createMediaType()
                              .schema(schemaOf(api, method.getGenericReturnType())))));
    }
  }

  private static Schema schemaOf(OpenAPI api, java.lang.reflect.Type type) {
    if (type instanceof java.lang.reflect.ParameterizedType generic
        && generic.getActualTypeArguments()[0] instanceof Class<?> item) {
      if (generic.getRawType() == com.airline.chassis.page.Page.class) {
        return OASFactory.createSchema().ref(SCHEMAS + item.getSimpleName() + PAGE);
      }
      if (generic.getRawType() instanceof Class<?> raw
          && java.util.Collection.class.isAssignableFrom(raw)) {
        return OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(schemaOf(api, item));
      }
    }
    if (type instanceof Class<?> c) {
      if (c == String.class) {
        return OASFactory.createSchema().type(Schema.SchemaType.STRING);
      }
      if (api.getComponents() != null
          && api.getComponents().getSchemas() != null
          && api.getComponents().getSchemas().containsKey(c.getSimpleName())) {
        return OASFactory.createSchema().ref(SCHEMAS + c.getSimpleName());
      }
    }
    return OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
  }

  private static void headers(String status, APIResponse response) {
    if (status.startsWith("4") || status.startsWith("5")) {
      if (response.getDescription() == null || response.getDescription().isBlank()) {
        response.setDescription(PROBLEMS.getOrDefault(status, "Problem"));
      }
      if (response.getContent() == null || response.getContent().getMediaTypes().isEmpty()) {
        response.setContent(
            OASFactory.createContent()
                .addMediaType(
                    "application/problem+json",
                    OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(ChassisModelReader.PROBLEM))));
      }
    }
    List<String> names = new ArrayList<>();
    names.add("X-Request-ID");
    names.addAll(ChassisModelReader.RATE_LIMIT_HEADERS);
    if (status.equals("429") || status.equals("503")) {
      names.add("Retry-After");
    }
    for (String name : names) {
      if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
        response.addHeader(name, OASFactory.createHeader().ref(HEADERS + name));
      }
    }
  }

  private static List<String> roles(Method method) {
    if (method.isAnnotationPresent(DenyAll.class)) {
      return List.of();
    }
    RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
    if (allowed == null
        && !method.isAnnotationPresent(jakarta.annotation.security.PermitAll.class)) {
      allowed = method.getDeclaringClass().getAnnotation(RolesAllowed.class);
    }
    return allowed == null ? List.of() : List.of(allowed.value());
  }

  /** Limits of the method's parameters and of its request record; whether it takes any input. */
  private static boolean parameters(OpenAPI api, Operation operation, Method method) {
    boolean input = false;
    java.lang.reflect.Parameter[] params = method.getParameters();
    for (java.lang.reflect.Parameter param : params) {
      String name = null;
      Parameter.In in = null;
      if (param.isAnnotationPresent(QueryParam.class)) {
        name = param.getAnnotation(QueryParam.class).value();
        in = Parameter.In.QUERY;
      } else if (param.isAnnotationPresent(HeaderParam.class)) {
        name = param.getAnnotation(HeaderParam.class).value();
        in = Parameter.In.HEADER;
      } else if (param.isAnnotationPresent(PathParam.class)) {
        name = param.getAnnotation(PathParam.class).value();
        in = Parameter.In.PATH;
      }
      if (name != null) {
        Parameter documented = find(operation, name, in);
        if (documented != null) {
          if (documented.getSchema() == null) {
            documented.setSchema(OASFactory.createSchema().type(Schema.SchemaType.STRING));
          }
          typed(param.getType(), documented.getSchema());
          if (Limits.apply(param.getAnnotations(), documented.getSchema())) {
            documented.setRequired(Boolean.TRUE);
          }
        }
        input |= in != Parameter.In.PATH;
      } else if (!param.isAnnotationPresent(Context.class)
          && !param.isAnnotationPresent(Suspended.class)
          && !param.isAnnotationPresent(FormParam.class)
          && !param.isAnnotationPresent(CookieParam.class)
          && !param.isAnnotationPresent(MatrixParam.class)) {
        input = true;
        if (operation.getRequestBody() != null
            && param.isAnnotationPresent(jakarta.validation.constraints.NotNull.class)) {
          operation.getRequestBody().setRequired(Boolean.TRUE);
        }
        record(api, param.getType());
      }
    }
    return input;
  }

  private static Parameter find(Operation operation, String name, Parameter.In in) {
    if (operation.getParameters() == null) {
      return null;
    }
    return operation.getParameters().stream()
        .filter(p -> name.equals(p.getName()) && (p.getIn() == null || p.getIn() == in))
        .findFirst()
        .orElse(null);
  }

  /** The record's component limits on its schema (by its simple name, as Payara names it). */
  private static void record(OpenAPI api, Class<?> type) {
    if (!type.isRecord()
        || api.getComponents() == null
        || api.getComponents().getSchemas() == null) {
      return;
    }
    Schema schema = api.getComponents().getSchemas().get(type.getSimpleName());
    if (schema == null || schema.getProperties() == null) {
      return;
    }
    List<String> required = new ArrayList<>();
    for (RecordComponent component : type.getRecordComponents()) {
      Schema property = schema.getProperties().get(component.getName());
      if (property == null || property.getRef() != null) {
        continue;
      }
      try {
        if (Limits.apply(type.getDeclaredField(component.getName()).getAnnotations(), property)) {
          required.add(component.getName());
        }
      } catch (NoSuchFieldException e) {
        // a record always has the field of each component
      }
    }
    if (!required.isEmpty()) {
      schema.setRequired(required);
    }
  }

  private static String lower(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private static String upper(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
