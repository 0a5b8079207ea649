# Production image: the API and the built web app on one port, against PostgreSQL (DATABASE_URL).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc tsconfig.base.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY web/package.json web/
RUN npm ci --ignore-scripts
COPY . .
RUN npm run build -w web && npm run build:server

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 WEB_DIST=/app/web/dist
# glibc's malloc thresholds as in `npm start` (package.json; README, "Reads that need no cache"): blocks under
# 1 MB come from the heap and freed memory stays there up to 16 MB, so answers of 40–130 KB do not map, unmap
# and fault in fresh pages on every read.
ENV GLIBC_TUNABLES=glibc.malloc.mmap_threshold=1048576:glibc.malloc.trim_threshold=16777216
WORKDIR /app
COPY package.json package-lock.json .npmrc tsconfig.base.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY web/package.json web/
# Runtime dependencies only; install scripts are skipped because the web app is already built.
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY shared shared
COPY --from=build /app/server/dist server/dist
COPY migrations migrations
COPY --from=build /app/web/dist web/dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --retries=3 CMD node -e "fetch('http://127.0.0.1:3000/api/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The heap limit as in `npm start` (package.json): V8 lets the heap grow to 4 times what survives a
# collection when its limit is large (4 GB on a machine of 16 GB or more), 1.6 times under a limit of 1 GB.
CMD ["node", "--max-old-space-size=1024", "server/dist/server.js"]
