import pytest

from retaliation.models import InquiryKind

from .helpers import action as action  # noqa: PLC0414  (re-exported for the test modules)
from .helpers import inquiry_make


@pytest.fixture
def make_inquiry(people):
    """make_inquiry(requester="staff", assign="officer", classify=True) -> a case made through the services."""

    def make(requester="staff", assign="officer", classify=False, narrative=None, files=()):
        return inquiry_make(
            people,
            requester=requester,
            assign=assign,
            kind=InquiryKind.PROTECTION_REQUEST if classify else None,
            narrative=narrative,
            files=files,
        )

    return make
