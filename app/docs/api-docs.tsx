"use client";

import { useEffect, useRef, useState } from "react";
import "swagger-ui-dist/swagger-ui.css";

/**
 * Swagger UI from the swagger-ui-dist package, bundled with the app (no CDN), so the docs and
 * their "Try it out" work offline. Loaded in the browser only: the bundle needs `window`.
 */
export function ApiDocs({ url }: { url: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    import("swagger-ui-dist/swagger-ui-bundle.js")
      .then(({ default: SwaggerUIBundle }) => {
        if (cancelled || !host.current) return;
        // validatorUrl null: no badge fetched from validator.swagger.io, nothing leaves the machine.
        SwaggerUIBundle({
          domNode: host.current,
          url,
          validatorUrl: null,
          deepLinking: true,
          displayRequestDuration: true,
          defaultModelsExpandDepth: 0,
        });
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [url]);
  return (
    // Swagger UI has a light theme only: keep it on white in dark mode too.
    <div className="rounded-lg border bg-white text-black" data-testid="api-docs">
      {error ? <p className="p-4 text-sm">The docs viewer failed to load: {error}</p> : null}
      <div ref={host} />
    </div>
  );
}
