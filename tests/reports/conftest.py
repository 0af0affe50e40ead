import io
import json
from pathlib import Path

import pytest

from reports.records import demo


@pytest.fixture
def history(db):
    """The 2006–2012 history that seed_demo loads."""
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
