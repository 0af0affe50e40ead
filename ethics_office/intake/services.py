import datetime as dt
import importlib

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ethics_office.audit.models import Action
from ethics_office.audit.services import audit_record
from ethics_office.base.errors import ApplicationError
from ethics_office.organisation.models import DutyStation, Entity, Person

from .models import Channel, RefCounter, ServiceCategory, ServiceRequest

# Reference prefixes per intake category.
REF_PREFIX = {
    "advice": "ADV",
    "financial_disclosure": "FD",
    "retaliation": "PR",
    "training": "TR",
    "standard_setting": "SS",
    "general_information": "GI",
}


@transaction.atomic
def reference_next(*, prefix: str, year: int, width: int = 4) -> str:
    try:
        with transaction.atomic():
            counter, _ = RefCounter.objects.select_for_update().get_or_create(prefix=prefix, year=year)
    except IntegrityError:
        counter = RefCounter.objects.select_for_update().get(prefix=prefix, year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"{prefix}-{year}-{counter.last:0{width}d}"


@transaction.atomic
def service_request_register(
    *,
    actor,
    category: str,
    requester: Person | None = None,
    channel: str = Channel.WEB,
    received: dt.date | None = None,
    entity: Entity | None = None,
    duty_station: DutyStation | None = None,
    ref: str | None = None,
) -> ServiceRequest:
    """Enter a request in the register. Entity and duty station default to the requester's."""
    try:
        category_obj = ServiceCategory.objects.get(code=category)
    except ServiceCategory.DoesNotExist:
        raise ApplicationError(
            _("Unknown service category “%(code)s”.") % {"code": category}, field="category"
        ) from None
    received = received or timezone.localdate()
    if received > timezone.localdate():
        raise ApplicationError(_("The received date cannot be in the future."), field="received")
    if requester is not None:
        entity = entity or requester.entity
        duty_station = duty_station or requester.duty_station
    if ref is None:
        ref = reference_next(prefix=REF_PREFIX.get(category, "SR"), year=received.year)
    request = ServiceRequest.objects.create(
        ref=ref,
        received=received,
        channel=channel,
        category=category_obj,
        requester=requester,
        entity=entity,
        duty_station=duty_station,
    )
    audit_record(
        actor=actor,
        action=Action.CREATE,
        obj=request,
        fields=["ref", "received", "channel", "category", "requester", "entity", "duty_station"],
    )
    return request


def service_categories_load() -> None:
    """The register's categories (migration 0002), where missing, e.g. after a flush."""
    if ServiceCategory.objects.exists():
        return
    for code, label, label_zh, order in importlib.import_module(
        "ethics_office.intake.migrations.0002_categories"
    ).CATEGORIES:
        ServiceCategory.objects.update_or_create(
            code=code, defaults={"label": label, "label_zh": label_zh, "ordering": order}
        )
