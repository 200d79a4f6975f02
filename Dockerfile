# syntax=docker/dockerfile:1
# One image for both processes of 建议提案办理: the HTTP API (which also serves the web portal at /)
# and the Temporal worker.
# TypeScript runs directly through @swc-node/register (no build step), so the dev dependencies
# that provide it (@swc-node/register, @swc/core) are installed too.
#
#   docker build -t jyta .
#   docker run … jyta                                              # API (default command)
#   docker run … jyta node -r @swc-node/register apps/worker/src/main.ts   # worker

# ---- just the manifests, so `npm ci` is cached until a package.json or the lock file changes ----
FROM node:20-bookworm-slim AS manifests
WORKDIR /src
COPY . .
RUN find . -mindepth 1 \( -name node_modules -prune \) -o -type f \
      ! -name package.json ! -name package-lock.json -print0 | xargs -0 rm -f \
 && find . -mindepth 1 -type d -empty -delete

# ---- dependencies + source ----
FROM node:20-bookworm-slim
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false \
    SCARF_ANALYTICS=false
WORKDIR /app
COPY --from=manifests --chown=node:node /src/ ./
# `npm ci` refuses a lock file that lacks optional platform packages (see README); fall back to
# `npm install`, which installs from the same lock file.
RUN (npm ci --no-audit --no-fund \
     || (echo 'npm ci refused package-lock.json; falling back to npm install' && npm install --no-audit --no-fund)) \
 && npm cache clean --force
COPY --chown=node:node . .
# The portal (apps/portal): a static build the API serves at / on its own port.
RUN node tools/build-portal.mjs && rm -rf node_modules/.vite

ENV NODE_ENV=production \
    PORT=3000
USER node
EXPOSE 3000
CMD ["node", "-r", "@swc-node/register", "apps/api/src/main.ts"]
