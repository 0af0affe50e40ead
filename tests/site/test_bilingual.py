"""One test of the active language and one way to read a field in it."""

import pytest
from django.utils import translation

from advisory.models import AdviceCategory
from ethics_office.base.i18n import active_language, is_chinese, localized
from ethics_office.intake.models import ServiceCategory
from ethics_office.organisation.models import Entity


@pytest.mark.parametrize(
    ("code", "base", "chinese"),
    [("en", "en", False), ("zh-hans", "zh", True), ("zh_Hans", "zh", True), ("fr-ca", "fr", False)],
)
def test_the_active_language_is_named_without_region_or_script(code, base, chinese):
    """zh-hans and zh_Hans are both Chinese; a language with a region is named by its base."""
    with translation.override(code):
        assert active_language() == base
        assert is_chinese() is chinese


@pytest.mark.django_db
def test_labels_and_names_follow_the_language_and_fall_back_to_english(people):
    """Categories and entities show their Chinese text under Chinese, English when none is stored."""
    service = ServiceCategory.objects.get(code="advice")
    advice = AdviceCategory.objects.create(
        code="x-test", label="Gifts", label_zh="礼品", description="About gifts"
    )
    entity = Entity.objects.create(code="XT", name="Test entity", name_zh="", group="other")
    with translation.override("zh-hans"):
        assert service.display_label == service.label_zh
        assert str(advice) == "礼品"
        assert advice.display_description == "About gifts"  # no Chinese stored: English
        assert entity.display_name == "Test entity"
        assert localized(advice, "label", language="en") == "Gifts"
    with translation.override("en"):
        assert service.display_label == service.label
        assert advice.display_label == "Gifts"
