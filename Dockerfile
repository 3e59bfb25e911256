# Parley's server, web app and CLI in one image (see docs/deployment.md).
FROM node:22-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/engine/package.json packages/engine/
COPY packages/core/package.json packages/core/
COPY packages/server/package.json packages/server/
COPY packages/web/package.json packages/web/
RUN npm ci --no-audit --no-fund
COPY . .
RUN node packages/web/scripts/ensure-built.mjs
ENV NODE_ENV=production PORT=4000
EXPOSE 4000
# `parley serve` exits within 10 s of SIGTERM (streams ended, in-flight requests finished).
STOPSIGNAL SIGTERM
CMD ["node", "packages/server/bin/parley.js", "serve"]
