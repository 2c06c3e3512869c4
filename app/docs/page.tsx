import type { Metadata } from "next";
import { ApiDocs } from "./api-docs";

export const metadata: Metadata = { title: "API docs" };

export default function DocsPage() {
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">API</h1>
        <p className="text-muted-foreground text-sm">
          Every route, generated from the schemas the server validates with (
          <a className="underline" href="/api/openapi.json">
            /api/openapi.json
          </a>
          ). State-changing routes need the API key, or a request from this machine when none is set.
        </p>
      </header>
      <ApiDocs url="/api/openapi.json" />
    </div>
  );
}
