package com.airline.chassis.openapi;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JAX-RS resource methods the application deploys, found as CDI discovers its classes (every
 * WAR has bean-discovery-mode="all"): each HTTP method and path under the application's path, with
 * the Java method behind it. Rest Client interfaces are not resources and are left out.
 */
public class ResourceMethods implements Extension {

  /** One operation: {@code GET /api/v1/users/{id}} and the method that serves it. */
  public record Endpoint(String method, String path, Method javaMethod) {}

  private static final Set<Class<?>> RESOURCES = ConcurrentHashMap.newKeySet();
  private static volatile String applicationPath = "";

  void resource(@Observes @WithAnnotations(Path.class) ProcessAnnotatedType<?> type) {
    Class<?> found = type.getAnnotatedType().getJavaClass();
    if (!found.isInterface() && !Modifier.isAbstract(found.getModifiers())) {
      RESOURCES.add(found);
    }
  }

  void application(@Observes @WithAnnotations(ApplicationPath.class) ProcessAnnotatedType<?> type) {
    ApplicationPath path =
        type.getAnnotatedType().getJavaClass().getAnnotation(ApplicationPath.class);
    if (path != null) {
      applicationPath = path.value();
    }
  }

  /** Every resource method, by path then method; paths start with the application's path. */
  public static List<Endpoint> endpoints() {
    List<Endpoint> all = new ArrayList<>();
    for (Class<?> resource : RESOURCES) {
      Path classPath = resource.getAnnotation(Path.class);
      if (classPath == null) {
        continue;
      }
      for (Method method : resource.getMethods()) {
        String http = httpMethod(method);
        if (http == null) {
          continue;
        }
        Path methodPath = method.getAnnotation(Path.class);
        all.add(
            new Endpoint(
                http,
                join(
                    applicationPath,
                    classPath.value(),
                    methodPath == null ? "" : methodPath.value()),
                method));
      }
    }
    all.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
    return all;
  }

  private static String httpMethod(Method method) {
    for (var annotation : method.getAnnotations()) {
      HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  /** The segments as one path, templates without their regular expressions: {@code /a/{id}}. */
  static String join(String... parts) {
    StringBuilder path = new StringBuilder();
    for (String part : parts) {
      for (String segment : template(part).split("/")) {
        if (!segment.isBlank()) {
          path.append('/').append(segment.trim());
        }
      }
    }
    return path.length() == 0 ? "/" : path.toString();
  }

  private static String template(String part) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    boolean regex = false;
    for (char c : part.toCharArray()) {
      if (c == '{') {
        depth++;
        if (depth == 1) {
          regex = false;
          out.append(c);
          continue;
        }
      } else if (c == '}') {
        depth--;
        if (depth == 0) {
          out.append(c);
          continue;
        }
      } else if (c == ':' && depth == 1) {
        regex = true;
      }
      if (depth == 0 || !regex) {
        if (depth == 0 || !Character.isWhitespace(c)) {
          out.append(c);
        }
      }
    }
    return out.toString();
  }
}
