FROM python:3.12-slim-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends \
        gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-cjk fonts-noto-core \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml ./
COPY . .
RUN pip install --no-cache-dir -e . && useradd --system ethics && mkdir -p /var/lib/ethics/private \
    && chown ethics /var/lib/ethics/private
USER ethics
EXPOSE 8000
