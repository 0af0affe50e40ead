import io
import json
from pathlib import Path

import pytest

from reports.records import demo


@pytest.fixture(scope="module")
def _module_history(django_db_setup, django_db_blocker, tmp_path_factory):
    """Loaded once per test module inside a transaction rolled back at its end (see
    tests/conftest.module_transaction); each test runs in a savepoint inside it."""
    from tests.conftest import module_transaction

    with module_transaction(django_db_blocker, tmp_path_factory.mktemp("history-private")):
        demo.seed(io.StringIO())
        yield


@pytest.fixture
def history(request, db):
    """The 2006–2012 history that seed_demo loads: shared by a module that marks
    `pytest.mark.usefixtures("_module_history")` (every test there sees it), else loaded per test."""
    if "_module_history" not in request.fixturenames:
        demo.seed(io.StringIO())


@pytest.fixture
def expected():
    """The figures A/67/306 states (tests/data/a67-306-expected.json)."""
    return json.loads((Path(__file__).parent.parent / "data" / "a67-306-expected.json").read_text())


def pointer(document, path: str):
    for part in path.lstrip("/").split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        document = document[int(part)] if isinstance(document, list) else document[part]
    return document
