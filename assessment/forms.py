from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ethics_office.organisation.models import Entity, EntityGroup

from .models import (
    ActionStatus,
    AllocationMethod,
    Assessment,
    EntryStatus,
    Instrument,
    InstrumentSection,
    ItemKind,
    Measures,
    Risk,
    RiskCategory,
)

DATE = forms.DateInput(attrs={"type": "date"})


class AssessmentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    instrument = forms.ModelChoiceField(label=_("Questionnaire"), queryset=Instrument.objects.all())
    previous_wave = forms.ModelChoiceField(
        label=_("Earlier wave to compare with"), queryset=Assessment.objects.all(), required=False
    )
    missions = forms.ModelMultipleChoiceField(
        label=_("Missions and entities"),
        queryset=Entity.objects.filter(group=EntityGroup.PEACEKEEPING, active=True),
        widget=forms.CheckboxSelectMultiple,
    )
    reference_date = forms.DateField(label=_("Population reference date"), widget=DATE)
    sample_size = forms.IntegerField(label=_("Sample size"), min_value=1, max_value=100000)
    allocation = forms.ChoiceField(label=_("Allocation"), choices=AllocationMethod.choices)
    minimum_per_stratum = forms.IntegerField(
        label=_("Minimum per stratum (equal allocation)"), min_value=0, initial=0, required=False
    )

    def clean_minimum_per_stratum(self):
        return self.cleaned_data.get("minimum_per_stratum") or 0


class InstrumentForm(forms.Form):
    code = forms.SlugField(label=_("Code"), max_length=40)
    title_en = forms.CharField(label=_("Title (English)"), max_length=200)
    title_zh = forms.CharField(label=_("Title (Chinese)"), max_length=200)

    def titles(self):
        return {"en": self.cleaned_data["title_en"], "zh-hans": self.cleaned_data["title_zh"]}


class RiskForm(forms.Form):
    code = forms.SlugField(label=_("Code"), max_length=40)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200)
    name_zh = forms.CharField(label=_("Name (Chinese)"), max_length=200)
    category = forms.ChoiceField(label=_("Category"), choices=RiskCategory.choices)


class SectionForm(InstrumentForm):
    pass


class ItemForm(forms.Form):
    section = forms.ModelChoiceField(label=_("Section"), queryset=InstrumentSection.objects.none())
    code = forms.SlugField(label=_("Code"), max_length=40)
    kind = forms.ChoiceField(label=_("Kind"), choices=ItemKind.choices)
    text_en = forms.CharField(label=_("Question (English)"), widget=forms.Textarea(attrs={"rows": 2}))
    text_zh = forms.CharField(label=_("Question (Chinese)"), widget=forms.Textarea(attrs={"rows": 2}))
    options = forms.CharField(
        label=_("Options"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Choice items: one option a line, as code|English|Chinese."),
    )
    risk = forms.ModelChoiceField(label=_("Risk measured"), queryset=Risk.objects.all(), required=False)
    measures = forms.ChoiceField(label=_("Measures"), choices=Measures.choices)
    agreement_good = forms.BooleanField(label=_("Agreement is favourable"), required=False, initial=True)

    def __init__(self, *args, instrument=None, **kwargs):
        super().__init__(*args, **kwargs)
        if instrument is not None:
            self.fields["section"].queryset = instrument.sections.all()

    def clean_options(self):
        options = []
        for n, line in enumerate((self.cleaned_data.get("options") or "").splitlines(), start=1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) != 3 or not all(parts):
                raise forms.ValidationError(
                    _("Line %(n)s, %(line)s: write code|English|Chinese.") % {"n": n, "line": line}
                )
            options.append({"code": parts[0], "labels": {"en": parts[1], "zh-hans": parts[2]}})
        return options


class RegisterEntryForm(forms.Form):
    risk = forms.ModelChoiceField(label=_("Risk"), queryset=Risk.objects.all())
    owner = forms.ModelChoiceField(
        label=pgettext_lazy("risk register", "Owner"), queryset=Entity.objects.filter(active=True)
    )
    evidence = forms.CharField(label=_("Evidence"), widget=forms.Textarea(attrs={"rows": 3}))
    likelihood = forms.IntegerField(label=_("Likelihood (1–5)"), min_value=1, max_value=5)
    severity = forms.IntegerField(label=_("Severity (1–5)"), min_value=1, max_value=5)


class EntryStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=EntryStatus.choices)
    remeasure_in = forms.ModelChoiceField(
        label=_("Re-measured in"), queryset=Assessment.objects.all(), required=False
    )


class ActionForm(forms.Form):
    description = forms.CharField(label=_("Remedial action"), widget=forms.Textarea(attrs={"rows": 2}))
    due_on = forms.DateField(label=_("Due on"), widget=DATE)


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
