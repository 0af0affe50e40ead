from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ethics_office.intake.models import Channel
from ethics_office.organisation.models import DutyStation, Entity, Person

from .models import Outcome, RoadmapEntry, Status, VendorRecommendation


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked by the service (size, type from bytes)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if not data:
            return []
        items = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in items if item]


def _category_choices(categories):
    return [(c.code, c.display_label) for c in categories]


ATTACHMENT_HELP = _("Optional. PDF, Word documents or images, at most 10 MB each.")


class AskForm(forms.Form):
    category = forms.ChoiceField(label=_("What is your question about?"), widget=forms.RadioSelect)
    question = forms.CharField(
        label=_("Your question"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Only the Ethics Office reads this. Give the facts the office needs to advise you."),
    )
    attachments = MultipleFileField(label=_("Attachments"), required=False, help_text=ATTACHMENT_HELP)

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = _category_choices(categories)


INTAKE_CHOICES = [("advice", _("Advice")), ("standard_setting", _("Policy support (standard setting)"))]


class RecordForm(forms.Form):
    """An officer records a request received by phone, e-mail, in person or by referral."""

    requester_index = forms.CharField(
        label=_("Requester (index number, e-mail or name)"),
        required=False,
        help_text=_(
            "Find the person above, or type their index number, e-mail or name. Leave empty for an "
            "anonymous caller or a department's policy request."
        ),
    )
    intake_category = forms.ChoiceField(label=_("Kind of request"), choices=INTAKE_CHOICES)
    category = forms.ChoiceField(label=_("Advice category"), required=False)
    channel = forms.ChoiceField(
        label=_("Received by"),
        choices=[
            (c.value, c.label)
            for c in Channel
            if c not in (Channel.WEB, Channel.IMPORT, Channel.ANONYMOUS_WEB)
        ],
    )
    received = forms.DateField(label=_("Received on"), widget=forms.DateInput(attrs={"type": "date"}))
    entity = forms.ModelChoiceField(
        label=_("Source entity"),
        queryset=Entity.objects.filter(active=True),
        required=False,
        help_text=_("Leave empty to use the requester's entity."),
    )
    duty_station = forms.ModelChoiceField(
        label=_("Duty station"),
        queryset=DutyStation.objects.all(),
        required=False,
        help_text=_("Leave empty to use the requester's duty station."),
    )
    question = forms.CharField(label=_("The question"), widget=forms.Textarea(attrs={"rows": 6}))
    attachments = MultipleFileField(label=_("Attachments"), required=False, help_text=ATTACHMENT_HELP)

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", "—")] + _category_choices(categories)

    def clean_requester_index(self):
        """An index number, an e-mail address or a name that matches exactly one person."""
        given = self.cleaned_data["requester_index"].strip()
        if not given:
            return None
        exact = Person.objects.filter(index_number__iexact=given).first()
        exact = exact or Person.objects.filter(email__iexact=given).first()
        if exact is not None:
            return exact
        by_name = Person.objects.all()
        for word in given.split()[:5]:
            by_name = by_name.filter(name__icontains=word)
        matches = list(by_name.order_by("name")[:6])
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise forms.ValidationError(_("No staff member has this index number, e-mail address or name."))
        raise forms.ValidationError(
            _("Several people match (%(names)s); give the index number.")
            % {"names": ", ".join(f"{p.name} {p.index_number}" for p in matches[:5])}
        )


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 4}))
    attachments = MultipleFileField(label=_("Attachments"), required=False, help_text=ATTACHMENT_HELP)


class NoteForm(forms.Form):
    body = forms.CharField(
        label=_("Internal note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Seen only by the office, never by the requester."),
    )


class AssignForm(forms.Form):
    officer = forms.ModelChoiceField(label=_("Officer"), queryset=None)

    def __init__(self, *args, officers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = officers


class TransitionForm(forms.Form):
    to = forms.ChoiceField(label=_("New status"), choices=Status.choices)


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    advice = forms.CharField(
        label=_("Advice given"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("The requester reads this on their request page."),
    )
    referred_to = forms.CharField(label=_("Referred to"), required=False, max_length=200)


class VendorForm(forms.Form):
    vendor_name = forms.CharField(label=_("Vendor"), max_length=200)
    recommendation = forms.ChoiceField(
        label=_("Recommendation"), choices=[("", "—"), *VendorRecommendation.choices], required=False
    )
    note = forms.CharField(label=_("Details"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class PrecedentForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"))
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Anonymised summary"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("No names, index numbers, entities or other details that identify the requester."),
    )

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = _category_choices(categories)


class RoadmapEntryForm(forms.ModelForm):
    class Meta:
        model = RoadmapEntry
        fields = ["name", "name_zh", "handles", "handles_zh", "contact", "contact_zh", "ordering"]
        widgets = {
            "handles": forms.Textarea(attrs={"rows": 3}),
            "handles_zh": forms.Textarea(attrs={"rows": 3}),
            "contact": forms.Textarea(attrs={"rows": 2}),
            "contact_zh": forms.Textarea(attrs={"rows": 2}),
        }


SORT_CHOICES = [
    ("-received", _("Newest first")),
    ("received", _("Oldest first")),
    ("ref", _("Reference")),
    ("status", _("Status")),
    ("category", _("Category")),
    ("officer", _("Officer")),
]
AGE_CHOICES = [
    ("", _("Any age")),
    ("2", _("Over 2 days")),
    ("7", _("Over a week")),
    ("30", _("Over 30 days")),
]


class SortField(forms.ChoiceField):
    """The select offers a few orders; the column headers may ask for any (?sort=-status): the
    selector keeps what it knows and ignores the rest, so no value makes the filters invalid."""

    def valid_value(self, value):
        return True


class QueueFilterForm(forms.Form):
    q = forms.CharField(label=_("Reference or requester"), required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    channel = forms.ChoiceField(label=_("Channel"), required=False)
    officer = forms.ChoiceField(label=_("Officer"), required=False)
    older_than = forms.ChoiceField(label=_("Age"), required=False, choices=AGE_CHOICES)
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    replied = forms.BooleanField(label=_("Requester replied"), required=False)
    sort = SortField(label=_("Sort"), required=False, choices=SORT_CHOICES)

    def __init__(self, *args, categories=(), officers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", pgettext_lazy("filter", "All"))] + _category_choices(
            categories
        )
        self.fields["status"].choices = [
            ("", pgettext_lazy("advice status", "Open")),
            ("all", pgettext_lazy("filter", "All")),
            *Status.choices,
        ]
        self.fields["channel"].choices = [("", pgettext_lazy("filter", "All")), *Channel.choices]
        self.fields["officer"].choices = [("", pgettext_lazy("filter", "All")), ("none", _("Unassigned"))] + [
            (str(u.pk), u.get_username()) for u in officers
        ]

    def filters(self) -> dict:
        if not self.is_valid():
            return {"open_only": True}
        data = self.cleaned_data
        status = data.get("status") or ""
        return {
            "q": data.get("q") or "",
            "category": data.get("category") or "",
            "status": "" if status in ("", "all") else status,
            "open_only": status == "",
            "channel": data.get("channel") or "",
            "officer": data.get("officer") or "",
            "older_than": int(data["older_than"]) if data.get("older_than") else None,
            "overdue": data.get("overdue") or False,
            "replied": data.get("replied") or False,
            "sort": data.get("sort") or "-received",
        }


# --- Anonymous questions -------------------------------------------------------------------


class AnonymousAskForm(AskForm):
    """The public form: the same question, without an account."""

    question = forms.CharField(
        label=_("Your question"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Do not write your name unless you want the office to know it. Nothing identifies you: "
            "the office keeps no address, browser or account for this question."
        ),
    )
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_(
            "Optional. PDF, Word documents or images, at most 10 MB each. Hidden details (camera, "
            "place, author) are removed from images and PDFs; Word documents keep theirs."
        ),
    )


class ReceiptForm(forms.Form):
    receipt = forms.CharField(
        label=_("Your receipt code"),
        max_length=64,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}
        ),
        help_text=_("The code you were given when you asked, e.g. 7KQ4-M2XD-9PRT-W3HN-5BVC."),
    )


class AnonymousMessageForm(forms.Form):
    receipt = forms.CharField(widget=forms.HiddenInput, max_length=64)
    body = forms.CharField(label=_("Your message"), widget=forms.Textarea(attrs={"rows": 4}))
    attachments = MultipleFileField(label=_("Attachments"), required=False, help_text=ATTACHMENT_HELP)
