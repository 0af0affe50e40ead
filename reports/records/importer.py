"""Resolve parsed records against the whole file and the database, then upsert them in bulk.

Every query here is per record *type*, never per line, so a 60,000-line file costs a few
dozen queries. Rows are keyed by `ref`, `code`, `(cycle, person)` (and, for a filer's
conflicts, their position among that filer's conflicts of the same kind), and a row is
written only when a value differs, so importing the same file again writes nothing.
"""

import datetime as dt
from collections import Counter, defaultdict

from django.db import connection
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from advisory.models import AdviceCategory, AdviceRequest
from disclosure.models import ConflictItem, Filer, FilingCycle, PublicDisclosure
from disclosure.services.sortkeys import filer_sort_keys_refresh
from ethics_office.intake.models import Channel, ServiceCategory, ServiceRequest
from ethics_office.organisation.models import DutyStation, Entity, Person
from outreach.models import CourseCompletionCount, OutreachMission, SeniorBriefing, TrainingSession
from panel.models import PanelMeeting
from reports import import_messages as msg
from reports.models import Baseline
from retaliation.models import RetaliationInquiry

from .copy import copy_upsert, copyable
from .schema import Record, RecordError

BATCH = 2000
SENIOR = ("ASG", "USG")


def cycle_dates(year: int) -> tuple[dt.date, dt.date]:
    """Imported cycles open on 1 March and are due on 31 May of their year."""
    return dt.date(year, 3, 1), dt.date(year, 5, 31)


class Stats:
    def __init__(self):
        self.counts: dict[str, Counter] = defaultdict(Counter)

    def add(self, rtype: str, created: int = 0, updated: int = 0, unchanged: int = 0):
        c = self.counts[rtype]
        c["created"] += created
        c["updated"] += updated
        c["unchanged"] += unchanged

    def as_dict(self) -> dict:
        return {t: dict(c) for t, c in sorted(self.counts.items())}

    @property
    def changed(self) -> bool:
        return any(c["created"] or c["updated"] for c in self.counts.values())


def upsert(model, existing, key_fields, rows: dict, stats: Stats, rtype: str, create_only=(), fetch=()):
    """rows: {key tuple: {field: value}}. Returns {key: pk}, or {key: (pk, *values)} of the
    columns named in `fetch` as they stand after the write. Fields in `create_only`
    are set when creating and never compared or updated.

    On PostgreSQL the rows go through COPY into a temporary table and are compared, updated
    and inserted by three set-based statements (`copy_upsert`), matched on the keys alone.
    Elsewhere (SQLite for `make run`) the ORM does the same work row by row in Python, over
    the rows `existing()` returns: a queryset of the rows already there that may match the
    keys, built only on that path (a filter of 45,000 values takes a tenth of a second to build)."""
    if rows and connection.vendor == "postgresql" and copyable(model):
        return copy_upsert(model, key_fields, rows, stats, rtype, create_only, fetch)
    pks = orm_upsert(model, existing(), key_fields, rows, stats, rtype, create_only)
    if not fetch:
        return pks
    ids, values = list(pks.values()), {}
    for start in range(0, len(ids), BATCH):  # SQLite takes a bounded number of query parameters
        chunk = model.objects.filter(pk__in=ids[start : start + BATCH]).values_list("pk", *fetch)
        values.update({row[0]: row[1:] for row in chunk})
    return {key: (pk, *values[pk]) for key, pk in pks.items()}


def orm_upsert(model, existing_qs, key_fields, rows: dict, stats: Stats, rtype: str, create_only=()):
    value_fields = sorted({f for values in rows.values() for f in values if f not in create_only})
    pks, current = {}, {}
    for row in existing_qs.values("pk", *key_fields, *value_fields):
        key = tuple(row[k] for k in key_fields)
        if key in rows:
            pks[key] = row["pk"]
            current[key] = row
    to_create, to_update, changed_fields, unchanged = [], [], set(), 0
    now = timezone.now()
    has_updated_at = any(f.name == "updated_at" for f in model._meta.get_fields())
    for key, values in rows.items():
        if key not in pks:
            to_create.append((key, model(**dict(zip(key_fields, key, strict=True)), **values)))
            continue
        row = current[key]
        diff = {f for f in value_fields if f in values and row[f] != values[f]}
        if not diff:
            unchanged += 1
            continue
        obj = model(pk=pks[key], **{f: values[f] for f in value_fields if f in values})
        if has_updated_at:
            obj.updated_at = now
        changed_fields |= diff
        to_update.append(obj)
    if to_create:
        model.objects.bulk_create([obj for _, obj in to_create], batch_size=BATCH)
        pks.update({key: obj.pk for key, obj in to_create})
    if to_update:
        fields = sorted(changed_fields | ({"updated_at"} if has_updated_at else set()))
        model.objects.bulk_update(to_update, fields, batch_size=BATCH)
    stats.add(rtype, created=len(to_create), updated=len(to_update), unchanged=unchanged)
    return pks


class Resolver:
    """Reads the reference data once and checks every cross-record reference."""

    def __init__(self, records: list[Record]):
        self.records = records
        self.by_type: dict[str, list[Record]] = defaultdict(list)
        for record in records:
            self.by_type[record.type].append(record)
        self.errors: list[RecordError] = []

    def _codes(self, rtype_fields, model, file_type):
        wanted = {r.data[f] for t, f in rtype_fields for r in self.by_type[t] if r.data.get(f)}
        in_file = {r.data["code"] for r in self.by_type[file_type]}
        in_db = set(model.objects.filter(code__in=wanted - in_file).values_list("code", flat=True))
        return in_file | in_db

    def check(self) -> list[RecordError]:
        entity_fields = [
            ("service_request", "entity"),
            ("retaliation_inquiry", "entity"),
            ("filer", "entity"),
        ]
        station_fields = [
            ("service_request", "duty_station"),
            ("retaliation_inquiry", "duty_station"),
            ("filer", "duty_station"),
            ("training_session", "duty_station"),
            ("outreach_mission", "duty_station"),
        ]
        entities = self._codes(entity_fields, Entity, "entity")
        stations = self._codes(station_fields, DutyStation, "duty_station")
        reference = reverse("reference-codes")
        self._known(entity_fields, entities, msg.ENTITY_CODE % {"url": f"{reference}#entities"})
        self._known(station_fields, stations, msg.STATION_CODE % {"url": f"{reference}#duty-stations"})
        categories = set(ServiceCategory.objects.values_list("code", flat=True))
        advice_categories = set(AdviceCategory.objects.values_list("code", flat=True))
        self._known(
            [("service_request", "category")],
            categories,
            msg.SERVICE_CATEGORY
            % {"codes": ", ".join(sorted(categories)), "url": f"{reference}#service-categories"},
        )
        self._known(
            [("service_request", "advice_category")],
            advice_categories,
            msg.ADVICE_CATEGORY
            % {"codes": ", ".join(sorted(advice_categories)), "url": f"{reference}#advice-categories"},
        )
        if self.by_type["retaliation_inquiry"] and "retaliation" not in categories:
            first = self.by_type["retaliation_inquiry"][0]
            self.errors.append(RecordError.of(first.line, "type", first.type, msg.RETALIATION_CATEGORY))
        self._check_filers()
        return sorted(self.errors, key=lambda e: e.line)

    def _known(self, rtype_fields, known, expected):
        for rtype, name in rtype_fields:
            for r in self.by_type[rtype]:
                value = r.data.get(name)
                if value and value not in known:
                    self.errors.append(RecordError.of(r.line, name, value, expected))

    def _check_filers(self):
        """Conflicts and public disclosures need a filer of that cycle (file or database)."""
        grades = {(r.data["cycle"], r.data["person"]): r.data["grade"] for r in self.by_type["filer"]}
        refs = [r for t in ("conflict", "public_disclosure") for r in self.by_type[t]]
        missing = {(r.data["cycle"], r.data["person"]) for r in refs} - grades.keys()
        if missing:
            rows = Filer.objects.filter(
                cycle__year__in={c for c, _ in missing}, person__index_number__in={p for _, p in missing}
            ).values_list("cycle__year", "person__index_number", "grade")
            grades.update({(c, p): g for c, p, g in rows if (c, p) in missing})
        for r in refs:
            key = (r.data["cycle"], r.data["person"])
            if key not in grades:
                self.errors.append(
                    RecordError.of(r.line, "person", key[1], msg.FILER_OF_CYCLE % {"cycle": key[0]})
                )
            elif r.type == "public_disclosure" and grades[key] not in SENIOR:
                self.errors.append(RecordError.of(r.line, "person", key[1], msg.SENIOR_FILER))


class Writer:
    """Upserts every record type; reference maps are filled as it goes."""

    def __init__(self, by_type: dict[str, list[Record]], progress=None):
        self.by_type = by_type
        self.stats = Stats()
        self.progress = progress or (lambda stage, fraction: None)

    def run(self) -> Stats:
        self.reference_data()
        self.progress("write_register", 0.5)
        self.register()
        self.progress("write_disclosure", 0.6)
        self.disclosure()
        self.progress("write_outreach", 0.9)
        self.outreach()
        return self.stats

    def _code_map(self, model, rtype):
        rows = {
            (r.data["code"],): {
                k: v for k, v in r.data.items() if k != "code" and not (k == "name_zh" and v is None)
            }
            for r in self.by_type[rtype]
        }
        upsert(
            model,
            lambda: model.objects.filter(code__in=[k[0] for k in rows]),
            ("code",),
            rows,
            self.stats,
            rtype,
        )
        wanted = self._wanted_codes(rtype)
        return dict(model.objects.filter(code__in=wanted).values_list("code", "pk"))

    def _wanted_codes(self, rtype):
        name = "entity" if rtype == "entity" else "duty_station"
        return {r.data[name] for recs in self.by_type.values() for r in recs if r.data.get(name)} | {
            r.data["code"] for r in self.by_type[rtype]
        }

    def reference_data(self):
        self.entities = self._code_map(Entity, "entity")
        self.stations = self._code_map(DutyStation, "duty_station")
        self.categories = dict(ServiceCategory.objects.values_list("code", "pk"))
        self.advice_categories = dict(AdviceCategory.objects.values_list("code", "pk"))

    def register(self):
        rows, advice, inquiries = {}, {}, {}
        for r in self.by_type["service_request"] + self.by_type["retaliation_inquiry"]:
            d = r.data
            category = "retaliation" if r.type == "retaliation_inquiry" else d["category"]
            rows[(d["ref"],)] = {
                "received": d["received"],
                "category_id": self.categories[category],
                "entity_id": self.entities.get(d.get("entity")),
                "duty_station_id": self.stations.get(d.get("duty_station")),
                "channel": Channel.IMPORT,
            }
            if d.get("advice_category"):
                advice[d["ref"]] = {"category_id": self.advice_categories[d["advice_category"]]}
            if r.type == "retaliation_inquiry":
                inquiries[d["ref"]] = {
                    "kind": d["kind"],
                    "review_outcome": d.get("review_outcome") or "pending",
                    "review_completed": d.get("review_completed"),
                    "investigation_completed": d.get("investigation_completed"),
                    "retaliation_established": d.get("retaliation_established"),
                }
        if not rows:
            return
        pks = upsert(
            ServiceRequest,
            lambda: ServiceRequest.objects.filter(ref__in=[k[0] for k in rows]),
            ("ref",),
            rows,
            self.stats,
            "service_request",
            create_only=("channel",),
        )
        for model, values, rtype, extra in [
            (AdviceRequest, advice, "advice_request", {"status": "closed"}),
            (RetaliationInquiry, inquiries, "retaliation_inquiry", {}),
        ]:
            keyed = {(pks[(ref,)],): {**extra, **v} for ref, v in values.items()}
            if keyed:
                ids = [k[0] for k in keyed]
                upsert(
                    model,
                    lambda model=model, ids=ids: model.objects.filter(service_request_id__in=ids),
                    ("service_request_id",),
                    keyed,
                    self.stats,
                    rtype,
                    create_only=tuple(extra),
                )

    def disclosure(self):
        filers, conflicts, choices = (self.by_type[t] for t in ("filer", "conflict", "public_disclosure"))
        if not (filers or conflicts or choices):
            return
        years = {r.data["cycle"] for r in filers + conflicts + choices}
        # Imported history is finished: a cycle more than two years old arrives closed (on 31
        # December of its year), so it never draws a monthly non-compliance notice.
        this_year = timezone.localdate().year
        cycle_rows = {
            (y,): {
                **dict(zip(("opens_on", "deadline"), cycle_dates(y), strict=True)),
                "closed_on": dt.date(y, 12, 31) if y < this_year - 2 else None,
            }
            for y in years
        }
        cycles = upsert(
            FilingCycle,
            lambda: FilingCycle.objects.filter(year__in=years),
            ("year",),
            cycle_rows,
            self.stats,
            "filing_cycle",
            create_only=("opens_on", "deadline", "closed_on"),
        )
        cycles = {k[0]: pk for k, pk in cycles.items()}
        people, named = self._people(
            filers, names={r.data["person"]: r.data["name"] for r in choices if r.data.get("name")}
        )
        # The cycle page's sort keys (entity code, person name) are written with the rows
        # themselves: inserting 45,000 filers and then updating each one's keys wrote every row
        # and every index entry twice.
        rows = {}
        for r in filers:
            d = r.data
            person_id, name = people[d["person"]]
            rows[(cycles[d["cycle"]], person_id)] = {
                "sort_entity": d["entity"],
                "sort_name": name,
                "entity_id": self.entities[d["entity"]],
                "duty_station_id": self.stations[d["duty_station"]],
                "grade": d["grade"],
                "first_time": d["first_time"],
                "registered_on": d.get("registered") or cycle_dates(d["cycle"])[0],
                "filed_on": d.get("filed"),
                "verification_selected": d["verification_selected"],
                "verification_complete": d.get("verification_complete"),
            }
        filer_pks = upsert(
            Filer,
            lambda: Filer.objects.filter(cycle_id__in=cycles.values(), person_id__in={k[1] for k in rows}),
            ("cycle_id", "person_id"),
            rows,
            self.stats,
            "filer",
        )
        # A name filled in above moves that person's filers of the cycles not in this file.
        if named:
            filer_sort_keys_refresh(person_ids=named)
        # Conflicts and choices name their filer by cycle and index number: the file's own
        # filers are known from the write above, the others are read.
        wanted = {(r.data["cycle"], r.data["person"]) for r in conflicts + choices}
        filer_ids = {}
        for key in wanted:
            person = people.get(key[1])
            pk = person and filer_pks.get((cycles[key[0]], person[0]))
            if pk:
                filer_ids[key] = pk
        wanted -= filer_ids.keys()
        if wanted:
            qs = Filer.objects.filter(
                cycle__year__in={c for c, _ in wanted}, person__index_number__in={p for _, p in wanted}
            ).values_list("cycle__year", "person__index_number", "pk")
            filer_ids.update({(c, p): pk for c, p, pk in qs if (c, p) in wanted})
        self._conflicts(conflicts, filer_ids)
        pd_rows = {
            (filer_ids[(r.data["cycle"], r.data["person"])],): {"choice": r.data["choice"]} for r in choices
        }
        if pd_rows:
            upsert(
                PublicDisclosure,
                lambda: PublicDisclosure.objects.filter(filer_id__in=[k[0] for k in pd_rows]),
                ("filer_id",),
                pd_rows,
                self.stats,
                "public_disclosure",
            )

    def _people(self, filers, names):
        """Index number -> (Person pk, name), and the pks of people whose name this file filled
        in; a person first seen here is created from their latest filing.

        The name comes from the `filer` line or the person's `public_disclosure` line; without
        one the name stays empty (pages show "—", never the index number). A name in the file
        fills an existing person's name only where it is empty or was the index number.
        """
        latest = {}
        for r in sorted(filers, key=lambda r: r.data["cycle"]):
            latest[r.data["person"]] = r.data
            if r.data.get("name"):
                names.setdefault(r.data["person"], r.data["name"])
        rows = {
            (index,): {
                "name": names.get(index, ""),
                "grade": d["grade"],
                "entity_id": self.entities[d["entity"]],
                "duty_station_id": self.stations[d["duty_station"]],
            }
            for index, d in latest.items()
        }
        pks = upsert(
            Person,
            lambda: Person.objects.filter(index_number__in=latest),
            ("index_number",),
            rows,
            self.stats,
            "person",
            create_only=("name", "grade", "entity_id", "duty_station_id"),
            fetch=("name",),
        )
        people = {key[0]: (pk, name) for key, (pk, name) in pks.items()}
        # The names of the file's filers were read back above; a name given only on a
        # public-disclosure line may belong to someone with no filer line here.
        unnamed = [
            Person(pk=people[index][0], name=name)
            for index, name in names.items()
            if index in people and people[index][1] in ("", index)
        ]
        others = names.keys() - people.keys()
        if others:
            unnamed += [
                Person(pk=pk, name=names[index])
                for pk, index in Person.objects.filter(index_number__in=others)
                .filter(Q(name="") | Q(name=F("index_number")))
                .values_list("pk", "index_number")
            ]
        if unnamed:
            Person.objects.bulk_update(unnamed, ["name"], batch_size=BATCH)
            self.stats.add("person", updated=len(unnamed))
            filled = {p.pk: p.name for p in unnamed}
            people = {index: (pk, filled.get(pk, name)) for index, (pk, name) in people.items()}
        return people, set(filled) if unnamed else set()

    def _conflicts(self, conflicts, filer_ids):
        if not conflicts:
            return
        # The n-th conflict of a kind for a filer in the file is the n-th one recorded.
        existing = defaultdict(list)
        for pk, filer_id, kind, resolution in (
            ConflictItem.objects.filter(filer_id__in=set(filer_ids.values()))
            .order_by("pk")
            .values_list("pk", "filer_id", "kind", "resolution")
        ):
            existing[(filer_id, kind)].append((pk, resolution))
        position = Counter()
        to_create, to_update, unchanged = [], [], 0
        now = timezone.now()
        for r in conflicts:
            filer_id = filer_ids[(r.data["cycle"], r.data["person"])]
            key = (filer_id, r.data["kind"])
            n = position[key]
            position[key] += 1
            resolution = r.data.get("resolution") or ""
            if n < len(existing[key]):
                pk, current = existing[key][n]
                if current == resolution:
                    unchanged += 1
                else:
                    to_update.append(ConflictItem(pk=pk, resolution=resolution, updated_at=now))
            else:
                to_create.append(ConflictItem(filer_id=filer_id, kind=r.data["kind"], resolution=resolution))
        ConflictItem.objects.bulk_create(to_create, batch_size=BATCH)
        ConflictItem.objects.bulk_update(to_update, ["resolution", "updated_at"], batch_size=BATCH)
        self.stats.add("conflict", created=len(to_create), updated=len(to_update), unchanged=unchanged)

    def outreach(self):
        def by_ref(model, rtype, fields):
            rows = {(r.data["ref"],): {f: r.data.get(f) for f in fields} for r in self.by_type[rtype]}
            if rows:
                upsert(
                    model,
                    lambda: model.objects.filter(ref__in=[k[0] for k in rows]),
                    ("ref",),
                    rows,
                    self.stats,
                    rtype,
                )

        for r in self.by_type["training_session"] + self.by_type["outreach_mission"]:
            r.data["duty_station_id"] = self.stations.get(r.data.get("duty_station"))
        by_ref(TrainingSession, "training_session", ("date", "kind", "duty_station_id", "participants"))
        by_ref(OutreachMission, "outreach_mission", ("start", "end", "duty_station_id", "staff_met"))
        by_ref(SeniorBriefing, "senior_briefing", ("date",))
        by_ref(PanelMeeting, "panel_meeting", ("date",))
        for model, rtype, keys, value in [
            (CourseCompletionCount, "course_completions", ("course", "period"), "count"),
            (Baseline, "baseline", ("period", "metric"), "value"),
        ]:
            rows = {tuple(r.data[k] for k in keys): {value: r.data[value]} for r in self.by_type[rtype]}
            if rows:
                periods = {k[1] if rtype == "course_completions" else k[0] for k in rows}
                upsert(
                    model,
                    lambda model=model, periods=periods: model.objects.filter(period__in=periods),
                    keys,
                    rows,
                    self.stats,
                    rtype,
                )
