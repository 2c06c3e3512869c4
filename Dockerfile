# syntax=docker/dockerfile:1
# The app as a container: a build stage runs what CI runs (npm ci, npm run build), and the image
# keeps only Next.js's standalone server with the files it traced (the bundled data, the
# migrations, PGlite's WebAssembly). Not built here (no Docker engine); CI runs the same layout
# (tests/deploy/standalone-server.test.ts copies what the runner stage's COPY lines name).

FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# patches/ first: npm ci's postinstall (patch-package) applies them.
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:24-bookworm-slim AS runner
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000
# Run as `node` (uid 1000 in the official image). It owns the app's files, as in Next.js's own
# example, so that Next can write its cache, and .data: the embedded database's folder when
# DATABASE_URL is unset (mount a volume there to keep it).
RUN mkdir .data && chown node:node .data
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
USER node
VOLUME /app/.data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
