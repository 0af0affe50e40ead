"""Content kept in more than one language, and the one test of which language is active.

English is the base column (`label`, `name`); every other stored language has a column
beside it named with its suffix (`label_zh`). To add a language, add its columns and a line
to `STORED_LANGUAGES`; `localized()` and the models below then pick it up.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# Active language code prefix -> the column suffix its text is stored under.
STORED_LANGUAGES = {"zh": "zh"}
BASE_LANGUAGE = "en"
# The languages content entered by the office (reference data, questionnaires) must be given in;
# the other UI languages read the English text until columns are added for them.
CONTENT_LANGUAGES = ("en", "zh-hans")


def active_language(language: str | None = None) -> str:
    """The active (or given) language without its region or script: "en", "zh", ..."""
    code = (language or get_language() or BASE_LANGUAGE).lower()
    return code.split("-", 1)[0].split("_", 1)[0] or BASE_LANGUAGE


def is_chinese(language: str | None = None) -> bool:
    return active_language(language) == "zh"


def column_suffix(language: str | None = None) -> str | None:
    """The suffix of the active language's columns, or None when it reads the base columns."""
    return STORED_LANGUAGES.get(active_language(language))


def localized(obj, field: str, language: str | None = None) -> str:
    """`obj.<field>` in the active language: its `<field>_<suffix>` column when that is
    filled, the base (English) column otherwise."""
    suffix = column_suffix(language)
    if suffix:
        value = getattr(obj, f"{field}_{suffix}", "")
        if value:
            return value
    return getattr(obj, field)


class BilingualLabel(models.Model):
    """Reference data with a code and a label in every UI language (service and advice categories)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    label = models.CharField(_("label (English)"), max_length=120)
    label_zh = models.CharField(_("label (Chinese)"), max_length=120)
    ordering = models.PositiveSmallIntegerField(default=100)

    class Meta:
        abstract = True
        ordering = ["ordering", "code"]

    def __str__(self):
        return self.display_label

    @property
    def display_label(self) -> str:
        return localized(self, "label")
