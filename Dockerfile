# S2S in a container. Build: `docker build -t s2s .`; with PostgreSQL beside it: compose.yaml.
# Node 22, as package.json's engines says; the service runs as the unprivileged `node` user.

# The browser bundle (the map) needs the development dependencies (esbuild, MapLibre) to build.
FROM node:22-bookworm-slim AS client
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY client client
COPY src src
COPY scripts scripts
RUN node scripts/build-client.js

FROM node:22-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# What the service reads at run time: the code (run through tsx, no build step), its templates,
# migrations, the bundled demo data, boundaries and frameworks, and the public files.
COPY bin bin
COPY src src
COPY data data
COPY frameworks frameworks
COPY public public
COPY --from=client /app/public/build public/build
# /data holds the embedded PostgreSQL when no DATABASE_URL is given, and the mail outbox.
RUN mkdir /data && chown node:node /data
USER node
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 S2S_DATA_DIR=/data
# glibc's malloc with its thresholds fixed, as `npm start` runs it: large blocks freed go back to
# the system (see the README's Configuration).
ENV MALLOC_MMAP_THRESHOLD_=131072 MALLOC_TRIM_THRESHOLD_=131072
VOLUME /data
EXPOSE 3000
# Healthy when ready to serve: the database reachable and the in-memory registry built.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/health/ready`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM from `docker stop` drains the requests in flight, then stops S2S (and its database).
STOPSIGNAL SIGTERM
CMD ["node", "bin/s2s.js", "serve"]
