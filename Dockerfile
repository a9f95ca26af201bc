# syntax=docker/dockerfile:1
# The Wirewatch worker. Every dependency ships a manylinux wheel for CPython 3.11, so the slim
# image needs no compiler. Build: `docker build -t wirewatch .` (or `docker compose build`).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore

WORKDIR /app

# Metadata first so the dependency layer is reused while only the code changes.
COPY pyproject.toml README.md ./
COPY schemas/ schemas/
COPY streams/ streams/
RUN pip install . \
    && groupadd --system --gid 10001 wirewatch \
    && useradd --system --uid 10001 --gid wirewatch --home-dir /app --shell /usr/sbin/nologin wirewatch \
    && install -d -o wirewatch -g wirewatch /var/lib/wirewatch

# Listen on every interface inside the container (the worker binds 127.0.0.1 by default),
# so Prometheus and the orchestrator's probes can reach /metrics and /health.
ENV WIREWATCH_WEB_HOST=0.0.0.0 \
    WIREWATCH_WEB_PORT=6066 \
    WIREWATCH_DATA_DIR=/var/lib/wirewatch

USER 10001:10001
VOLUME ["/var/lib/wirewatch"]
EXPOSE 6066

HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/health' % os.environ.get('WIREWATCH_WEB_PORT', '6066'), timeout=4)" || exit 1

CMD ["wirewatch", "worker"]
