"""The filers' denormalised sort keys (entity code, person name), kept in step set-based.

The cycle page orders its filers by `confirmed, entity code, person name`; the copies on
`Filer` (`sort_entity`, `sort_name`) let the index `filer_cycle_page_idx` serve that order.
Writes that bypass `save()` (bulk creates, the records import's COPY) call
`filer_sort_keys_refresh` with what they touched; person and entity saves refresh theirs
through the signals in `disclosure.apps`. Only rows whose key differs are written.
"""

from django.db import connection
from django.db.models import F, OuterRef, Q, Subquery

from disclosure.models import Filer
from ethics_office.organisation.models import Entity, Person


def filer_sort_keys_refresh(*, cycle_ids=None, person_ids=None, entity_ids=None, filer_ids=None) -> int:
    """Sets the sort keys of the filers selected (all filers if nothing is given); returns rows written."""
    if connection.vendor != "postgresql":
        return _refresh_orm(cycle_ids, person_ids, entity_ids, filer_ids)
    where, params = [], []
    for column, values in (
        ("f.cycle_id", cycle_ids),
        ("f.person_id", person_ids),
        ("f.entity_id", entity_ids),
        ("f.id", filer_ids),
    ):
        if values is not None:
            values = list(values)
            if not values:
                return 0
            where.append(f"{column} = ANY(%s)")
            params.append(values)
    filer, person, entity = (m._meta.db_table for m in (Filer, Person, Entity))
    sql = f"""
        UPDATE {filer} AS f SET sort_entity = e.code, sort_name = p.name
        FROM {person} AS p, {entity} AS e
        WHERE p.id = f.person_id AND e.id = f.entity_id
          AND (f.sort_entity IS DISTINCT FROM e.code OR f.sort_name IS DISTINCT FROM p.name)
    """
    if where:
        sql += " AND " + " AND ".join(where)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def _refresh_orm(cycle_ids, person_ids, entity_ids, filer_ids):
    qs = Filer.objects.all()
    for lookup, values in (
        ("cycle_id__in", cycle_ids),
        ("person_id__in", person_ids),
        ("entity_id__in", entity_ids),
        ("pk__in", filer_ids),
    ):
        if values is not None:
            qs = qs.filter(**{lookup: list(values)})
    stale = qs.filter(~Q(sort_entity=F("entity__code")) | ~Q(sort_name=F("person__name")))
    return Filer.objects.filter(pk__in=list(stale.values_list("pk", flat=True))).update(
        sort_entity=Subquery(Entity.objects.filter(pk=OuterRef("entity_id")).values("code")[:1]),
        sort_name=Subquery(Person.objects.filter(pk=OuterRef("person_id")).values("name")[:1]),
    )
