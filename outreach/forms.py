from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ethics_office.base.rows import RowsInvalid, lines_of, rows_import
from ethics_office.organisation.models import DutyStation, Entity, Person

from .models import ManagementLevel, MissionMeetingKind, PublicationKind, SeniorLevel, TrainingKind


class DateInput(forms.DateInput):
    input_type = "date"


def _stations():
    return DutyStation.objects.order_by("code")


def _entities():
    return Entity.objects.filter(active=True).order_by("code")


class PersonByIndexField(forms.CharField):
    """A staff member named by index number (the office types it from the attendance sheet)."""

    def clean(self, value):
        value = (super().clean(value) or "").strip()
        if not value:
            return None
        try:
            return Person.objects.get(index_number=value)
        except Person.DoesNotExist:
            raise forms.ValidationError(
                _("No staff member has index number %(i)s."), params={"i": value}
            ) from None


class SessionForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput)
    kind = forms.ChoiceField(label=_("Kind"), choices=TrainingKind.choices)
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        initial=_("Professional ethics and integrity in our daily work"),
    )
    duty_station = forms.ModelChoiceField(label=_("Duty station"), queryset=DutyStation.objects.none())
    entity = forms.ModelChoiceField(label=_("Entity"), queryset=Entity.objects.none(), required=False)
    facilitator = PersonByIndexField(
        label=_("Facilitator (index number)"),
        required=False,
        help_text=_("An ethics officer or a certified field trainer."),
    )
    attendance = forms.CharField(
        label=_("Attendance list"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Index numbers of the staff who attended, one per line or separated by commas."),
    )
    participants = forms.IntegerField(
        label=_("Headcount"),
        min_value=0,
        required=False,
        help_text=_("Only when there is no attendance list."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["duty_station"].queryset = _stations()
        self.fields["entity"].queryset = _entities()

    def clean_attendance(self):
        return parse_attendance(self.cleaned_data.get("attendance") or "")

    def clean(self):
        data = super().clean()
        if not data.get("attendance") and data.get("participants") is None and not self.errors:
            raise forms.ValidationError(_("Give the attendance list or the headcount."))
        return data


def parse_attendance(text: str) -> list[Person]:
    """Index numbers, one per line or separated by commas. Every unknown number is reported the
    way every import reports a row: "Line 2: index_number “99” …"."""
    lines = lines_of(text, "index_number")
    if not lines:
        return []
    found = {
        p.index_number: p
        for p in Person.objects.filter(index_number__in=[v["index_number"] for _n, v in lines])
    }
    try:
        people = rows_import(
            lines,
            lambda row: row.lookup(
                "index_number", found, reference="", what=_("the index number of a recorded staff member")
            ),
            field="attendance",
        )
    except RowsInvalid as exc:
        raise forms.ValidationError(exc.errors["attendance"]) from None
    return list(dict.fromkeys(people))


class AttendanceForm(forms.Form):
    attendance = forms.CharField(
        label=_("Attendance list"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Index numbers, one per line. This replaces the list and the headcount."),
    )

    def clean_attendance(self):
        return parse_attendance(self.cleaned_data["attendance"])


class TrainingRequestForm(forms.Form):
    team = forms.CharField(label=_("Your team or unit"), max_length=200)
    team_size = forms.IntegerField(label=_("Number of people"), min_value=1, max_value=500)
    preferred_date = forms.DateField(label=_("Preferred date"), required=False, widget=DateInput)
    message = forms.CharField(
        label=_("What would you like the session to cover?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV export from the learning system"),
        help_text=_(
            "Columns course,index_number,completed_on (one row per completion) "
            "or course,period,count (one row per period)."
        ),
    )


class MissionForm(forms.Form):
    start = forms.DateField(label=_("Start"), widget=DateInput)
    end = forms.DateField(label=_("End"), widget=DateInput)
    duty_station = forms.ModelChoiceField(label=_("Duty station"), queryset=DutyStation.objects.none())
    other_stations = forms.ModelMultipleChoiceField(
        label=_("Other duty stations visited"), queryset=DutyStation.objects.none(), required=False
    )
    purpose = forms.CharField(label=_("Purpose"), max_length=200, required=False)
    staff_met = forms.IntegerField(label=_("Staff met"), min_value=0, initial=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["duty_station"].queryset = _stations()
        self.fields["other_stations"].queryset = _stations()


class MissionMeetingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=MissionMeetingKind.choices)
    date = forms.DateField(label=_("Date"), widget=DateInput)
    duty_station = forms.ModelChoiceField(label=_("Duty station"), queryset=DutyStation.objects.none())
    attendance = forms.IntegerField(label=_("Staff attending"), min_value=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["duty_station"].queryset = _stations()


class BriefingForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput)
    official = forms.CharField(label=_("Official briefed"), max_length=200)
    level = forms.ChoiceField(label=_("Level"), choices=SeniorLevel.choices)
    entity = forms.ModelChoiceField(label=_("Entity"), queryset=Entity.objects.none(), required=False)
    notes = forms.CharField(
        label=_("Notes (confidential)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entity"].queryset = _entities()


class DialogueForm(forms.Form):
    entity = forms.ModelChoiceField(label=_("Entity"), queryset=Entity.objects.none())
    level = forms.ChoiceField(label=_("Management level"), choices=ManagementLevel.choices)
    held_on = forms.DateField(label=_("Held on"), widget=DateInput, initial=timezone.localdate)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entity"].queryset = _entities()


class PublicationForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=PublicationKind.choices)
    languages = forms.CharField(
        label=_("Languages"), max_length=200, help_text=_("For example: English, French")
    )
    distribution = forms.CharField(label=_("Distribution"), max_length=300, required=False)
    copies = forms.IntegerField(label=_("Copies distributed"), min_value=0, initial=0)
    published_on = forms.DateField(label=_("Published on"), widget=DateInput)


class VisitsForm(forms.Form):
    period = forms.RegexField(
        label=_("Period"), regex=r"^\d{4}-\d{4}$", help_text=_("For example: 2011-2012")
    )
    visits = forms.IntegerField(label=_("Website visits"), min_value=0)


class CertificationForm(forms.Form):
    trainer = PersonByIndexField(label=_("Trainer (index number)"))
    certified_by = PersonByIndexField(label=_("Certified by (index number)"))
    certified_on = forms.DateField(label=_("Certified on"), widget=DateInput)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)
