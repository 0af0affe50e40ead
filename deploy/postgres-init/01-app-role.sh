#!/bin/sh
# First start of the database: the role the web and worker processes connect as. It owns
# nothing; `manage.py db_grant_app_role ethics_app` (the migrate service) grants it least
# privilege on the tables after each migration.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE ethics_app LOGIN PASSWORD '${APP_DB_PASSWORD}' NOSUPERUSER NOCREATEDB NOCREATEROLE;
GRANT CONNECT ON DATABASE ${POSTGRES_DB} TO ethics_app;
SQL
