import { endpoints } from "@/lib/api/contracts";
import { openApiDocument } from "@/lib/api/contracts/system";
import { handle } from "@/lib/api/handle-endpoint";
import { buildOpenApiDocument } from "@/lib/api/openapi-document";
import packageJson from "@/package.json";

// Built once per process: the schemas do not change while it runs.
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export const GET = handle(openApiDocument, () => {
  document ??= buildOpenApiDocument(endpoints, { version: packageJson.version });
  return Response.json(document);
});
