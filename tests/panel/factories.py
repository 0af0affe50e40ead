"""factory_boy factories for the Ethics Panel: member offices, meetings, consultations, reports."""

import datetime as dt

import factory

from panel.models import (
    AgendaItem,
    Consultation,
    MemberOffice,
    MemberOfficeName,
    OfficeAnnualReport,
    PanelMeeting,
)

DAY = dt.date(2026, 2, 2)


class MemberOfficeFactory(factory.django.DjangoModelFactory):
    """An office with a name history: its first name from 2007, renamed in 2012."""

    class Meta:
        model = MemberOffice
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"o{n}")

    @factory.post_generation
    def names(office, create, extracted, **kwargs):
        if not create:
            return
        for name, valid_from in extracted or [
            (f"Office {office.code}", dt.date(2007, 1, 1)),
            (f"Office {office.code} renamed", dt.date(2012, 1, 1)),
        ]:
            MemberOfficeName.objects.create(office=office, name=name, valid_from=valid_from)


class PanelMeetingFactory(factory.django.DjangoModelFactory):
    """A meeting with one agenda item."""

    class Meta:
        model = PanelMeeting
        skip_postgeneration_save = True

    ref = factory.Sequence(lambda n: f"EP-F-{n}")
    date = DAY

    @factory.post_generation
    def agenda(meeting, create, extracted, **kwargs):
        if create:
            for position, title in enumerate(extracted or ["Item"], start=1):
                AgendaItem.objects.create(meeting=meeting, position=position, title=title)


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation
        skip_postgeneration_save = True

    ref = factory.Sequence(lambda n: f"EPC-F-{n}")
    kind = "case_consultation"
    title = "T"
    received = DAY
    member_office = factory.SubFactory(MemberOfficeFactory)

    @factory.post_generation
    def shared_with(consultation, create, extracted, **kwargs):
        if create and extracted:
            consultation.shared_with.add(*extracted)


class OfficeAnnualReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfficeAnnualReport

    office = factory.SubFactory(MemberOfficeFactory)
    year = 2025
    received_on = DAY
