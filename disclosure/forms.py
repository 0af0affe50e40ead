import datetime as dt

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ethics_office.base.roles import Role

from .models import Channel, ConflictKind, FollowUp, PublicDisclosureChoice, Resolution, ReviewOutcome

SECTION_LABELS = {
    "assets": _("Assets"),
    "liabilities": _("Liabilities"),
    "income": _("Income and outside activities"),
    "relatives": _("Relatives employed in the United Nations system"),
    "gifts": _("Gifts"),
}


class StatementForm(forms.Form):
    """Each section is one entry per line (description, value, institution as the filer writes them)."""

    assets = forms.CharField(label=SECTION_LABELS["assets"], required=False, widget=forms.Textarea)
    liabilities = forms.CharField(label=SECTION_LABELS["liabilities"], required=False, widget=forms.Textarea)
    income = forms.CharField(label=SECTION_LABELS["income"], required=False, widget=forms.Textarea)
    relatives = forms.CharField(label=SECTION_LABELS["relatives"], required=False, widget=forms.Textarea)
    gifts = forms.CharField(label=SECTION_LABELS["gifts"], required=False, widget=forms.Textarea)
    certify = forms.BooleanField(
        label=_("I certify that this statement is true and complete to the best of my knowledge."),
        required=False,
        help_text=_("Required to submit; not needed to save a draft."),
    )

    @classmethod
    def initial_from(cls, contents):
        contents = contents or {}
        return {key: "\n".join(contents.get(key, [])) for key in SECTION_LABELS}

    def contents(self) -> dict:
        return {key: self.cleaned_data.get(key, "").splitlines() for key in SECTION_LABELS}


class CycleOpenForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2013, max_value=2100)
    deadline = forms.DateField(label=_("Deadline"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        year = timezone.localdate().year
        self.fields["year"].initial = year
        self.fields["deadline"].initial = dt.date(year, 4, 30)


class DesignateForm(forms.Form):
    index_number = forms.CharField(label=_("Index number"), max_length=20)
    reason = forms.CharField(label=_("Reason for designation"), widget=forms.Textarea(attrs={"rows": 3}))


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Filer list (CSV)"),
        help_text=_("Columns: index_number, name, grade, entity, duty_station, email."),
    )


class AssignForm(forms.Form):
    reviewer = forms.ModelChoiceField(label=_("Reviewer"), queryset=get_user_model().objects.none())
    filers = forms.ModelMultipleChoiceField(
        label=_("Filers"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, filers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = (
            get_user_model().objects.filter(groups__name=Role.REVIEWER).order_by("username")
        )
        self.fields["filers"].queryset = filers
        self.fields["filers"].label_from_instance = lambda f: f"{f.person.name} ({f.person.index_number})"


class DrawForm(forms.Form):
    size = forms.IntegerField(label=_("Number of filers to draw"), min_value=1)
    seed = forms.IntegerField(label=_("Seed (leave empty for a random one)"), required=False, min_value=0)


class ReviewForm(forms.Form):
    # A blank first choice: before any outcome is recorded the form suggests none.
    outcome = forms.ChoiceField(label=_("Outcome"), choices=[("", _("Choose…")), *ReviewOutcome.choices])


class ConflictForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=ConflictKind.choices)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}))
    recommended_resolution = forms.ChoiceField(label=_("Recommended resolution"), choices=Resolution.choices)


class CorrespondenceForm(forms.Form):
    on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    summary = forms.CharField(
        label=pgettext_lazy("declared interest", "Summary"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ResolutionForm(forms.Form):
    resolution = forms.ChoiceField(label=_("Resolution"), choices=Resolution.choices)
    follow_up = forms.ChoiceField(label=_("Follow-up"), choices=FollowUp.choices)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class VerificationUploadForm(forms.Form):
    file = forms.FileField(label=_("Third-party document"))


class VerificationMarkForm(forms.Form):
    complete = forms.TypedChoiceField(
        label=_("Documents"),
        choices=[("1", _("Complete")), ("0", _("Incomplete"))],
        coerce=lambda v: v == "1",
    )


class PublicDisclosureForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("Your choice"), choices=PublicDisclosureChoice.choices, widget=forms.RadioSelect
    )
    summary = forms.CharField(
        label=_("Summary for publication"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only for full public disclosure: this text is published as you write it."),
    )


class QueryForm(forms.Form):
    question = forms.CharField(label=_("Your question"), widget=forms.Textarea(attrs={"rows": 3}))


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 3}))


def _office_users():
    return (
        get_user_model()
        .objects.filter(groups__name__in=[Role.OFFICER, Role.DIRECTOR])
        .distinct()
        .order_by("username")
    )


class ConflictUpdateForm(forms.Form):
    """One entry on an item's timeline: a note, and any change of resolution, follow-up or owner."""

    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    resolution = forms.ChoiceField(
        label=_("Resolution"), required=False, choices=[("", _("(unchanged)")), *Resolution.choices]
    )
    follow_up = forms.ChoiceField(
        label=_("Follow-up"), required=False, choices=[("", _("(unchanged)")), *FollowUp.choices]
    )
    follow_up_due = forms.DateField(
        label=_("Follow-up due"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    owner = forms.ModelChoiceField(label=_("Owner"), required=False, queryset=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _office_users()


class RedrawForm(forms.Form):
    reason = forms.CharField(label=_("Reason for the redraw"), widget=forms.Textarea(attrs={"rows": 3}))
    size = forms.IntegerField(
        label=_("Number of filers to draw"),
        min_value=1,
        required=False,
        help_text=_("Leave empty to draw as many as before."),
    )
    seed = forms.IntegerField(label=_("Seed (leave empty for a random one)"), required=False, min_value=0)
