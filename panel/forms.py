from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ethics_office.base.roles import Role

from .models import ConsultationKind, ConsultationOutcome, MeetingKind, MemberOffice
from .selectors import member_offices_named


class OfficeChoiceMixin:
    def label_from_instance(self, obj):
        return getattr(obj, "current_name", None) or obj.code


class OfficeChoiceField(OfficeChoiceMixin, forms.ModelChoiceField):
    pass


class OfficesChoiceField(OfficeChoiceMixin, forms.ModelMultipleChoiceField):
    pass


class DateInput(forms.DateInput):
    input_type = "date"


class MeetingForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput)
    kind = forms.ChoiceField(label=_("Kind"), choices=MeetingKind.choices)
    venue = forms.CharField(label=_("Venue"), max_length=200, required=False)


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=_("Agenda item"), max_length=300)
    decision = forms.CharField(label=_("Decision"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class DecisionForm(forms.Form):
    decision = forms.CharField(label=_("Decision"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class AttendanceForm(forms.Form):
    offices = OfficesChoiceField(
        label=_("Offices attending"),
        queryset=MemberOffice.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(label=_("Other attendance"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offices"].queryset = member_offices_named()


class MinutesForm(forms.Form):
    minutes = forms.CharField(label=_("Minutes"), required=False, widget=forms.Textarea)


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    file = forms.FileField(label=_("File"), help_text=_("PDF, Word or image, at most 10 MB."))


class MemberOfficeForm(forms.Form):
    code = forms.SlugField(label=_("Code"), max_length=30)
    name = forms.CharField(label=pgettext_lazy("member office", "Name"), max_length=200)
    valid_from = forms.DateField(label=_("Name valid from"), widget=DateInput)


class RenameForm(forms.Form):
    name = forms.CharField(label=_("New name"), max_length=200)
    valid_from = forms.DateField(label=_("Valid from"), widget=DateInput)


class ConsultationForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ConsultationKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    member_office = OfficeChoiceField(
        label=_("Member office"), queryset=MemberOffice.objects.none(), required=False
    )
    received = forms.DateField(label=pgettext_lazy("date column", "Received"), widget=DateInput)
    summary = forms.CharField(
        label=_("Summary (confidential)"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member_office"].queryset = member_offices_named()


def panel_members():
    return get_user_model().objects.filter(groups__name=Role.PANEL).order_by("username")


class ShareForm(forms.Form):
    users = forms.ModelMultipleChoiceField(
        label=_("Share with panel members"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["users"].queryset = panel_members()


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=[c for c in ConsultationOutcome.choices if c[0]])
    outcome_note = forms.CharField(
        label=_("Outcome note (confidential)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class AnnualReportForm(forms.Form):
    office = OfficeChoiceField(label=_("Member office"), queryset=MemberOffice.objects.none())
    year = forms.IntegerField(label=_("Year covered"), min_value=2006, max_value=2100)
    received_on = forms.DateField(label=_("Received on"), widget=DateInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = member_offices_named()


class ReviewForm(forms.Form):
    reviewed_on = forms.DateField(label=_("Reviewed on"), widget=DateInput)
    recommendations = forms.CharField(
        label=_("Recommendations"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
