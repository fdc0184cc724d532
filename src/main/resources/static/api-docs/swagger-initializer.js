// The public API's OpenAPI document, served by route get-openapi-document
window.ui = SwaggerUIBundle({
  url: "/v2/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true
});
