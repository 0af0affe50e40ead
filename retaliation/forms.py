"""Browser forms. They parse input; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ethics_office.intake.models import Channel
from ethics_office.organisation.models import Person

from .models import (
    ClosureReason,
    InquiryKind,
    InvestigationBody,
    LetterFormat,
    LetterKind,
    MeasureType,
    ProtectedActivity,
    ReferralBody,
    ReviewOutcome,
)
from .selectors import assignable_officers

YES_NO = [("", _("— choose —")), ("yes", _("Yes")), ("no", _("No"))]


def _yes_no(label, required=False):
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda v: v == "yes",
        empty_value=None,
        required=required,
    )


class DateInput(forms.DateInput):
    input_type = "date"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


class RequestForm(forms.Form):
    protected_activity = forms.ChoiceField(
        label=_("Your protected activity"), choices=ProtectedActivity.choices, widget=forms.RadioSelect
    )
    reported_to = forms.CharField(
        label=_("To whom did you report, or which audit or investigation did you cooperate with?"),
        max_length=200,
    )
    reported_on = forms.DateField(label=_("When"), widget=DateInput, required=False)
    narrative = forms.CharField(
        label=_("What happened"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Stored encrypted. Only the Director and the officers assigned to your case can read it."
        ),
    )
    evidence = MultipleFileField(
        label=_("Evidence"),
        required=False,
        help_text=_("PDF, Word or images, up to 10 MB each. You may select several files."),
    )


class RecordForm(RequestForm):
    """An officer records an inquiry received by e-mail, telephone or in person."""

    requester_index = forms.CharField(label=_("Complainant's index number"), max_length=20)
    channel = forms.ChoiceField(
        label=_("Received by"),
        choices=[(c.value, c.label) for c in Channel if c not in (Channel.WEB, Channel.IMPORT)],
    )
    received = forms.DateField(label=_("Received on"), widget=DateInput, required=False)

    field_order = ["requester_index", "channel", "received"]

    def clean_requester_index(self):
        value = self.cleaned_data["requester_index"].strip()
        try:
            return Person.objects.get(index_number__iexact=value)
        except Person.DoesNotExist:
            raise forms.ValidationError(_("No staff member has this index number.")) from None


class ActionForm(forms.Form):
    """One alleged retaliatory action. Blank rows of the set are ignored."""

    occurred_on = forms.DateField(label=_("Date of the action"), widget=DateInput, required=False)
    taken_by = forms.CharField(label=_("Taken by"), max_length=200, required=False)
    description = forms.CharField(
        label=_("What was done"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


ActionFormSet = forms.formset_factory(ActionForm, extra=3, max_num=10)


class AssignForm(forms.Form):
    officer = forms.ModelChoiceField(label=_("Officer"), queryset=assignable_officers())


class UnassignForm(forms.Form):
    officer = forms.ModelChoiceField(label=_("Officer to remove"), queryset=assignable_officers())


class ClassifyForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Classification"),
        choices=[(k.value, k.label) for k in InquiryKind if k != InquiryKind.UNCLASSIFIED],
        widget=forms.RadioSelect,
    )
    referred_to = forms.ChoiceField(
        label=_("Referred to (outside the mandate)"),
        choices=[("", "—"), *ReferralBody.choices],
        required=False,
    )
    referred_to_other = forms.CharField(label=_("Other office"), max_length=200, required=False)
    letter_format = forms.ChoiceField(label=_("Referral letter as"), choices=LetterFormat.choices)


class LetterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Letter"), choices=LetterKind.choices)
    format = forms.ChoiceField(label=_("Format"), choices=LetterFormat.choices)


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Internal note"), widget=forms.Textarea(attrs={"rows": 3}))


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("Add evidence"))


class PauseForm(forms.Form):
    reason = forms.CharField(label=_("Information awaited from the complainant"), max_length=500)
    on = forms.DateField(label=_("Paused on"), widget=DateInput, required=False)


class ResumeForm(forms.Form):
    on = forms.DateField(label=_("Resumed on"), widget=DateInput, required=False)


class ReviewForm(forms.Form):
    protected_activity_found = _yes_no(_("Did the complainant engage in a protected activity?"))
    protected_activity_reasoning = forms.CharField(
        label=_("Reasoning"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    contributing_factor_found = _yes_no(
        _("Was the activity a contributing factor in the alleged retaliation?")
    )
    contributing_factor_reasoning = forms.CharField(
        label=_("Reasoning"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[(o.value, o.label) for o in ReviewOutcome if o != ReviewOutcome.PENDING],
        widget=forms.RadioSelect,
    )
    closure_reason = forms.ChoiceField(
        label=_("Reason for closure"), choices=[("", "—"), *ClosureReason.choices], required=False
    )
    investigation_body = forms.ChoiceField(
        label=_("Referred for investigation to"), choices=InvestigationBody.choices, required=False
    )
    investigation_body_name = forms.CharField(
        label=_("Name of the alternative mechanism"), max_length=200, required=False
    )
    letter_format = forms.ChoiceField(label=_("Letters as"), choices=LetterFormat.choices)


class InterimForm(forms.Form):
    measure = forms.ChoiceField(label=_("Measure"), choices=MeasureType.choices)
    complainant_consent = forms.BooleanField(label=_("The complainant consents"), required=False)
    sent_to = forms.CharField(label=_("Sent to"), max_length=200)
    sent_on = forms.DateField(label=_("Sent on"), widget=DateInput, required=False)


class InterimImplementedForm(forms.Form):
    measure_id = forms.IntegerField(widget=forms.HiddenInput)
    implemented = _yes_no(_("Implemented?"), required=True)
    implemented_on = forms.DateField(label=_("Implemented on"), widget=DateInput, required=False)


class ReportForm(forms.Form):
    received = forms.DateField(label=_("Investigation report received on"), widget=DateInput, required=False)


class DeterminationForm(forms.Form):
    established = _yes_no(_("Retaliation established?"), required=True)
    reasoning = forms.CharField(label=_("Reasons"), widget=forms.Textarea(attrs={"rows": 4}))
    letter_format = forms.ChoiceField(label=_("Letter as"), choices=LetterFormat.choices)


class CorrectiveForm(forms.Form):
    description = forms.CharField(label=_("Corrective measure"), widget=forms.Textarea(attrs={"rows": 2}))


class CorrectiveDoneForm(forms.Form):
    measure_id = forms.IntegerField(widget=forms.HiddenInput)
    implemented_on = forms.DateField(label=_("Implemented on"), widget=DateInput, required=False)


class PanelReviewForm(forms.Form):
    reasons = forms.CharField(
        label=_("Why you ask for a review (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class SignOffForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("The prima facie finding"),
        choices=[("approve", _("Sign off: refer for investigation")), ("return", _("Return to the review"))],
        widget=forms.RadioSelect,
    )
    letter_format = forms.ChoiceField(label=_("Letters as"), choices=LetterFormat.choices)


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 4}))


class RegisterFilterForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        required=False,
        choices=[
            ("", pgettext_lazy("filter", "All")),
            *[(o.value, o.label) for o in ReviewOutcome if o != ReviewOutcome.PENDING],
            ("established", _("Retaliation established")),
            ("not_established", _("Retaliation not established")),
        ],
    )
    body = forms.ChoiceField(
        label=_("Investigating body"),
        required=False,
        choices=[("", pgettext_lazy("filter", "All")), *InvestigationBody.choices],
    )
    year = forms.IntegerField(label=_("Year of the review"), required=False, min_value=2000, max_value=2100)
