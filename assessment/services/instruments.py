"""Questionnaires: sections and items in every UI language, frozen once fielded, revisable."""

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.errors import ApplicationError, ValidationFailed
from ethics_office.base.i18n import CONTENT_LANGUAGES

from ..models import Instrument, InstrumentSection, Item, ItemKind, Measures, Risk, RiskCategory
from ..permissions import access_instrument, require_office

LANGUAGES = [code for code in CONTENT_LANGUAGES if code in dict(settings.LANGUAGES)]


def _texts(texts: dict, field: str) -> dict:
    """Every UI language must be given."""
    texts = {k: (v or "").strip() for k, v in (texts or {}).items()}
    missing = [code for code in LANGUAGES if not texts.get(code)]
    if missing:
        raise ValidationFailed(
            _("Give %(field)s in every language; missing: %(missing)s.")
            % {"field": field, "missing": ", ".join(missing)},
            errors={field: [_("Missing in: %(missing)s.") % {"missing": ", ".join(missing)}]},
        )
    return {code: texts[code] for code in LANGUAGES}


def _not_frozen(instrument):
    if instrument.frozen:
        raise ApplicationError(
            _(
                "Questionnaire %(code)s v%(version)s is frozen: an assessment has been fielded with it. Revise it instead."
            )
            % {"code": instrument.code, "version": instrument.version}
        )


@transaction.atomic
def risk_upsert(*, actor, code: str, names: dict, category: str) -> Risk:
    require_office(actor)
    if category not in RiskCategory.values:
        raise ApplicationError(
            _("Risk category %(value)s is not one of %(valid)s.")
            % {"value": category, "valid": ", ".join(RiskCategory.values)},
            field="category",
        )
    risk, created = Risk.objects.update_or_create(
        code=code, defaults={"names": _texts(names, "names"), "category": category}
    )
    audit_record(
        actor=actor,
        action=Action.CREATE if created else Action.UPDATE,
        obj=risk,
        fields=["names", "category"],
    )
    return risk


@transaction.atomic
def instrument_create(*, actor, code: str, titles: dict) -> Instrument:
    require_office(actor)
    if Instrument.objects.filter(code=code).exists():
        raise ApplicationError(
            _("A questionnaire with code %(code)s exists; revise it to make a new version.") % {"code": code},
            field="code",
        )
    instrument = Instrument.objects.create(code=code, version=1, titles=_texts(titles, "titles"))
    audit_record(actor=actor, action=Action.CREATE, obj=instrument, fields=["code", "titles"])
    return instrument


@transaction.atomic
def section_add(*, actor, instrument_id: int, code: str, titles: dict) -> InstrumentSection:
    instrument = access_instrument(actor, instrument_id, for_write=True)
    _not_frozen(instrument)
    if instrument.sections.filter(code=code).exists():
        raise ApplicationError(_("Section code %(code)s is already used.") % {"code": code}, field="code")
    order = instrument.sections.count() + 1
    section = InstrumentSection.objects.create(
        instrument=instrument, code=code, order=order, titles=_texts(titles, "titles")
    )
    audit_record(actor=actor, action=Action.UPDATE, obj=instrument, fields=["sections"])
    return section


@transaction.atomic
def item_add(
    *,
    actor,
    section_id: int,
    code: str,
    kind: str,
    texts: dict,
    options: list | None = None,
    risk: Risk | None = None,
    measures: str = Measures.PERCEPTION,
    agreement_good: bool = True,
) -> Item:
    require_office(actor)
    section = InstrumentSection.objects.select_related("instrument").get(pk=section_id)
    instrument = access_instrument(actor, section.instrument_id, for_write=True)
    _not_frozen(instrument)
    if kind not in ItemKind.values:
        raise ApplicationError(
            _("Item kind %(value)s is not one of %(valid)s.")
            % {"value": kind, "valid": ", ".join(ItemKind.values)},
            field="kind",
        )
    if measures not in Measures.values:
        raise ApplicationError(
            _("%(value)s is not one of %(valid)s.")
            % {"value": measures, "valid": ", ".join(Measures.values)},
            field="measures",
        )
    if Item.objects.filter(section__instrument=instrument, code=code).exists():
        raise ApplicationError(_("Item code %(code)s is already used.") % {"code": code}, field="code")
    options = options or []
    if kind in (ItemKind.SINGLE, ItemKind.MULTIPLE) and len(options) < 2:
        raise ApplicationError(_("A choice item needs at least two options."), field="options")
    for option in options:
        option["labels"] = _texts(option.get("labels", {}), "options")
    item = Item.objects.create(
        section=section,
        order=section.items.count() + 1,
        code=code,
        kind=kind,
        texts=_texts(texts, "texts"),
        options=options,
        risk=risk,
        measures=measures,
        agreement_good=agreement_good,
    )
    audit_record(actor=actor, action=Action.UPDATE, obj=instrument, fields=["items"])
    return item


@transaction.atomic
def instrument_revise(*, actor, instrument_id: int) -> Instrument:
    """A new version with the same sections and items (same codes, so waves compare), editable."""
    source = access_instrument(actor, instrument_id, for_write=True)
    latest = Instrument.objects.filter(code=source.code).order_by("-version").first()
    revision = Instrument.objects.create(
        code=source.code, version=latest.version + 1, titles=source.titles, revised_from=source
    )
    for section in source.sections.order_by("order", "pk"):
        copy = InstrumentSection.objects.create(
            instrument=revision, code=section.code, order=section.order, titles=section.titles
        )
        Item.objects.bulk_create(
            [
                Item(
                    section=copy,
                    order=i.order,
                    code=i.code,
                    kind=i.kind,
                    texts=i.texts,
                    options=i.options,
                    risk_id=i.risk_id,
                    measures=i.measures,
                    agreement_good=i.agreement_good,
                )
                for i in section.items.order_by("order", "pk")
            ]
        )
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=revision,
        fields=["code", "version"],
        changes={"version": (source.version, revision.version)},
    )
    return revision
