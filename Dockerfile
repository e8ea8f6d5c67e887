# The API for production, and its backup/restore commands (dist/scripts/backup.js, restore.js);
# Neo4j runs as its own service (docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts ./scripts
COPY web ./web
RUN npm run build && npm run build:web

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY schema ./schema
COPY cypher ./cypher
COPY seeds ./seeds
COPY web ./web
COPY --from=build /app/web/dist ./web/dist
# The backups volume is mounted here; created owned by the unprivileged user, so a new named
# volume starts writable by it.
RUN mkdir -p /backups && chown node:node /backups
EXPOSE 4000
USER node
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:4000/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The API's heap cap, as package.json's config.apiHeapMb (npm start): memory stays bounded under load.
CMD ["node", "--max-old-space-size=256", "dist/src/main.js"]
