# The two commands of the README: `make run` and `make test`. Everything else supports them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt | cksum | cut -d' ' -f1)
# site/ is a source root (not a package) that must be importable by Celery and gunicorn.
export PYTHONPATH := site
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup run class dev serve-prepare run-packages test test-fast lint format messages system-packages worker clean bench-video bench-reports bench-class bench-province

$(STAMP): requirements.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --disable-pip-version-check -q -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

setup: $(STAMP) messages

# Compile the .po catalogues with Babel, so no GNU gettext is needed on the machine.
messages: $(STAMP)
	$(BIN)/pybabel compile -d site/locale -D django

# `make run` and `make class` serve with gunicorn and DEBUG off (config.settings.embedded):
# the same server a province runs, with friendly error pages. `make dev` is runserver with
# autoreload and Django's debug pages, for developers only.
EMBEDDED := DJANGO_SETTINGS_MODULE=config.settings.embedded

# Static files first: the demo tutorials are captured from the practice portal's own
# pages while seeding, and those pages need their styles.
serve-prepare: setup run-packages
	$(EMBEDDED) $(BIN)/python manage.py migrate --no-input -v 0
	$(EMBEDDED) $(BIN)/python manage.py collectstatic --no-input -v 0
	$(EMBEDDED) $(BIN)/python manage.py seed_demo
	$(EMBEDDED) $(BIN)/python manage.py capture_tutorials

run: serve-prepare
	@echo "Quản trị: http://$(HOST):$(PORT)/admin/"
	$(EMBEDDED) $(BIN)/python manage.py serve --host $(HOST) --port $(PORT)

# A class in a hall: every interface, the address and its QR code printed for the projector.
class: serve-prepare
	$(EMBEDDED) $(BIN)/python manage.py serve --hall --port $(PORT)

dev: setup
	$(BIN)/python manage.py migrate --no-input -v 0
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Debian's Chromium captures the tutorials from the practice portal and drives the browser
# tests (never a browser download); espeak-ng gives the tutorials a Vietnamese voice
# (without it they are silent, with captions); the emoji font draws the simulated phone's
# icons. Tesseract reads video frames back in the tests. Without root these print the
# apt-get line instead, and the platform falls back to illustrated, silent tutorials.
run-packages:
	@bash .ci/install-system-packages chromium espeak-ng emoji-font

system-packages:
	@bash .ci/install-system-packages chromium espeak-ng emoji-font tesseract

test: setup system-packages
	$(BIN)/pytest

test-fast: setup
	$(BIN)/pytest -m "not browser"

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check site/templates
	$(BIN)/lint-imports --no-cache

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml site/templates

worker: setup
	$(BIN)/celery -A config worker -l info

# Tutorial video pipeline against plain ffmpeg on the same frames; then the birth
# registration captured from the practice portal and rendered, against the render alone,
# with KB/s per rendition and the OCR legibility of its labels. Fails on a missed target.
bench-video: setup system-packages
	$(BIN)/python -m courses.video.bench
	$(BIN)/python -m sandbox.capture.bench $(PROCEDURES)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache

# Reports, the class board and a progress write on a synthetic province (60,000 learners,
# 5 million events); needs DATABASE_URL=postgres://…; fails on a missed target.
bench-reports: setup
	$(BIN)/python -m training.bench_reports

# N phones (default 40) doing a whole class journey against the `make run` server on a
# fresh database; prints percentiles per request kind and ends with a `bench-class …` line.
LEARNERS ?= 40
bench-class: setup
	$(BIN)/python -m tests.load.bench_class --learners $(LEARNERS)

# The province topology on this machine (deploy/: nginx in front of two gunicorn app
# servers, PostgreSQL, Redis, a Celery worker and beat, an S3-compatible bucket), the class
# journey at 200 then 400 learners; prints requests per second per app-server core, p95 by
# kind and the busiest queries, and ends with a `bench-province …` line.
PROVINCE_LEARNERS ?= 200 400
bench-province: setup
	@bash .ci/install-system-packages postgresql redis nginx
	$(BIN)/python -m tests.load.bench_province --learners $(PROVINCE_LEARNERS)
