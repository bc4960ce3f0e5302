/**
 * The whole public API as one OpenAPI document ({@code GET /api/v1/openapi}, YAML or JSON), merged
 * from each service's own {@code /openapi} as the gateway routes them, and a browsable page of it
 * ({@code GET /api/v1/docs}, Swagger UI from its webjar).
 */
package com.airline.gateway.docs;
