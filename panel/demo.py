"""Live Panel records dated this year (the 2006-2012 meetings come from the records import)."""

import datetime as dt

from django.utils import timezone

from ethics_office.organisation.demo import demo_user

from . import services
from .models import Consultation, MemberOffice, OfficeAnnualReport, PanelMeeting, PanelName

# The member offices (domain.md §5); the names are the ones shown today.
OFFICES = [
    ("secretariat", "Ethics Office, United Nations Secretariat"),
    ("undp", "UNDP Ethics Office"),
    ("unicef", "UNICEF Ethics Office"),
    ("unfpa", "UNFPA Ethics Office"),
    ("unops", "UNOPS Ethics Office"),
    ("wfp", "WFP Ethics Office"),
    ("unrwa", "UNRWA Ethics Office"),
    ("unhcr", "UNHCR Ethics Office"),
]


def _day(days_ago: int) -> dt.date:
    today = timezone.localdate()
    return max(dt.date(today.year, 1, 1), today - dt.timedelta(days=days_ago))


def seed(stdout) -> None:
    officer = demo_user("officer")
    panel = demo_user("panel")
    year = timezone.localdate().year

    # Illustrative dates: the Committee established by ST/SGB/2007/11, later renamed.
    for name, valid_from in [
        ("United Nations Ethics Committee", dt.date(2007, 11, 30)),
        ("Ethics Panel of the United Nations", dt.date(2013, 1, 1)),
    ]:
        if not PanelName.objects.filter(valid_from=valid_from).exists():
            services.panel_name_record(actor=officer, name=name, valid_from=valid_from)

    for code, name in OFFICES:
        if not MemberOffice.objects.filter(code=code).exists():
            services.member_office_create(actor=officer, code=code, name=name, valid_from=dt.date(2008, 1, 1))
    offices = {o.code: o for o in MemberOffice.objects.all()}

    ref = f"EP-DEMO-{year}-1"
    if not PanelMeeting.objects.filter(ref=ref).exists():
        meeting = services.meeting_create(
            actor=officer, ref=ref, date=_day(50), kind="formal", venue="New York"
        )
        services.meeting_attendance_set(
            actor=officer,
            meeting_id=meeting.pk,
            offices=list(offices.values()),
            note="Chaired by the Director",
        )
        services.agenda_item_add(
            actor=officer,
            meeting_id=meeting.pk,
            title="Harmonising the guidance note on outside activities",
            decision="Adopted with amendments.",
        )
        services.agenda_item_add(
            actor=officer,
            meeting_id=meeting.pk,
            title="Review of member offices' annual reports",
            decision="Recommendations to be sent to each office.",
        )
        services.meeting_minutes_transition(
            actor=officer,
            meeting_id=meeting.pk,
            to="draft",
            text="The Panel met in formal session with all member offices present.",
        )
        services.meeting_minutes_transition(actor=officer, meeting_id=meeting.pk, to="approved")
    ref = f"EP-DEMO-{year}-2"
    if not PanelMeeting.objects.filter(ref=ref).exists():
        meeting = services.meeting_create(
            actor=officer, ref=ref, date=_day(10), kind="informal", venue="Video call"
        )
        services.agenda_item_add(actor=officer, meeting_id=meeting.pk, title="Workshop on retaliation")
        services.meeting_minutes_transition(
            actor=officer,
            meeting_id=meeting.pk,
            to="draft",
            text="Draft: planning of the retaliation workshop.",
        )

    title = "Review of a determination on a request for protection (demo)"
    if not Consultation.objects.filter(title=title).exists():
        c = services.consultation_open(
            actor=officer,
            kind="determination_review",
            title=title,
            member_office=offices.get("undp"),
            received=_day(30),
            summary="The staff member asks the Chair to review the office's finding of no prima facie case.",
        )
        services.consultation_share(actor=officer, consultation_id=c.pk, users=[panel])
    title = "45-day referral from a staff member of a fund (demo)"
    if not Consultation.objects.filter(title=title).exists():
        services.consultation_open(
            actor=officer,
            kind="referral_45_day",
            title=title,
            member_office=offices.get("unicef"),
            received=_day(5),
            summary="Not shared with panel members.",
        )

    if not OfficeAnnualReport.objects.filter(office=offices["undp"], year=year - 1).exists():
        report = services.annual_report_receive(
            actor=officer, office=offices["undp"], year=year - 1, received_on=_day(40)
        )
        services.annual_report_review(
            actor=officer,
            report_id=report.pk,
            reviewed_on=_day(20),
            recommendations="Publish the number of advice requests by category.",
        )
    stdout.write("panel: member offices, two meetings, consultations, an annual report")
