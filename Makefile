# The commands README names. `make run` and `make test` each set up everything they need.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

TEST_DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/ethics_office
TEST_REDIS_URL ?= redis://127.0.0.1:6379/0
# Parallel test processes (pytest-xdist), whole files to each: each has its own test database,
# Redis database number and server ports (tests/parallel.py). TEST_WORKERS=0 runs in one process.
TEST_WORKERS ?= 2

.PHONY: run test install messages compilemessages lint bench load report clean fuzz vendor axe screenshots

$(STAMP): pyproject.toml
	test -x $(PY) || "$$(scripts/find-python)" -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

compilemessages: $(STAMP)
	DEBUG=1 $(PY) manage.py compilemessages -v0 --ignore=.venv

# Regenerate the .po catalogues (root for ethics_office/ and templates/, one per mandate app), for
# the five languages other than English (the source) of settings.LANGUAGES.
LOCALES := ar zh_Hans fr ru es
LOCALE_FLAGS := $(foreach l,$(LOCALES),-l $(l))
messages: $(STAMP)
	DEBUG=1 $(PY) manage.py makemessages $(LOCALE_FLAGS) --no-obsolete --ignore=.venv --ignore=advisory \
		--ignore=disclosure --ignore=retaliation --ignore=outreach --ignore=panel --ignore=assessment --ignore=tests --ignore=bench \
		--ignore=reports
	for app in advisory disclosure retaliation outreach panel assessment reports; do \
		(cd $$app && mkdir -p locale && DEBUG=1 $(CURDIR)/$(PY) $(CURDIR)/manage.py makemessages $(LOCALE_FLAGS) --no-obsolete); done

# Set up and serve the application on SQLite with demo data (Celery eager unless REDIS_URL is set).
run: $(STAMP) compilemessages
	DEBUG=1 $(PY) manage.py migrate -v0
	DEBUG=1 $(PY) manage.py seed_demo
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

# Set up and run the whole suite against PostgreSQL and Redis.
test: $(STAMP)
	scripts/system-deps
	$(MAKE) --no-print-directory compilemessages
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) $(PY) -m pytest --create-db -p no:randomly --durations=15 -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

# The long fuzz run (>= 10,000 calls: every operation, 100 examples, four roles); the suite runs 3.
fuzz: $(STAMP)
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-100} \
		$(PY) -m pytest --create-db -p no:randomly -q tests/fuzz

# The design system and axe-core from npm into static/vendor/ and tests/browser/vendor/ (committed;
# versions in scripts/vendor-frontend: govuk-frontend 6.6.0, axe-core 4.14.1). No CDN at run time.
vendor:
	scripts/vendor-frontend

# axe-core on every page for every role (the suite checks each page once, as one role), English and Arabic.
axe: $(STAMP)
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) AXE_ALL=1 \
		$(PY) -m pytest --create-db -p no:randomly -q tests/browser/test_axe.py

# PNG screenshots of the main pages on demo data into docs/screenshots/ (README shows them).
screenshots: $(STAMP) compilemessages
	DEBUG=1 $(PY) manage.py screenshots

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

bench: $(STAMP)
	$(PY) bench/run.py
	$(PY) bench/lists_data.py
	$(PY) bench/http_bench.py
	$(PY) bench/audit_writers.py
	$(PY) bench/import_speed.py --again --backend-cpu

# Locust, 50 users for 5 minutes against gunicorn + Celery on the bench database (pip install -e ".[load]").
load: $(STAMP)
	$(PY) bench/load.py

clean:
	rm -rf $(VENV) var staticfiles
