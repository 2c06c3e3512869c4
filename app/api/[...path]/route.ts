import { ApiError } from "@/lib/api/errors";

// Any /api path no route serves: the one error shape instead of the HTML 404 page.
function unknownRoute(request: Request): Response {
  const { pathname } = new URL(request.url);
  return new ApiError(
    "not_found",
    "api",
    `No API route ${request.method} ${pathname}; every route is listed at /api/openapi.json`,
  ).toResponse();
}

export {
  unknownRoute as GET,
  unknownRoute as POST,
  unknownRoute as PUT,
  unknownRoute as PATCH,
  unknownRoute as DELETE,
};
