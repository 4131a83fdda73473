# syntax=docker/dockerfile:1
# nginx with the built web app: `docker build -f deploy/web.Dockerfile .` (the compose
# files do this). The first stage builds frontend/dist; the second is the unprivileged
# nginx image (uid 101, listens on 8080/8443; compose publishes 80/443) with our config.

ARG NODE_VERSION=20
ARG NGINX_VERSION=1.28

FROM node:${NODE_VERSION}-slim AS build
WORKDIR /src/frontend
# Production runs in cookie refresh mode: the refresh token never reaches script.
ARG VITE_COOKIE_REFRESH_AUTH=true
ENV VITE_COOKIE_REFRESH_AUTH=${VITE_COOKIE_REFRESH_AUTH}
COPY frontend/package.json frontend/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

FROM nginxinc/nginx-unprivileged:${NGINX_VERSION}-alpine AS web
USER root
RUN rm -f /etc/nginx/conf.d/default.conf \
    && mkdir -p /etc/nginx/sites-enabled /var/www/workload-tracker
COPY deploy/nginx/nginx.conf /etc/nginx/nginx.conf
COPY deploy/nginx/snippets/ /etc/nginx/snippets/
COPY deploy/nginx/sites-available/ /etc/nginx/sites-available/
RUN ln -s /etc/nginx/sites-available/workload-tracker.conf /etc/nginx/sites-enabled/workload-tracker.conf
COPY --from=build /src/frontend/dist/ /var/www/workload-tracker/
USER 101
ENV NGINX_ENTRYPOINT_QUIET_LOGS=1
EXPOSE 8080 8443
# The guide's two checks: the configuration is valid and the web app answers.
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 \
    CMD nginx -t -q && wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1
