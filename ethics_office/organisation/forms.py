from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ethics_office.base.roles import Role

from .models import AccessChangeKind, Person
from .services import SENSITIVE_ROLES


class AccessChangeForm(forms.Form):
    kind = forms.ChoiceField(label=pgettext_lazy("access change", "Change"), choices=AccessChangeKind.choices)
    username = forms.CharField(label=_("Account (user name)"), max_length=150)
    role = forms.ChoiceField(
        label=_("Role"),
        required=False,
        choices=[("", "—"), *[(r.value, r.label) for r in Role if r in SENSITIVE_ROLES]],
        help_text=_("For granting or removing a role."),
    )
    index_number = forms.CharField(
        label=_("Staff record (index number)"),
        required=False,
        max_length=20,
        help_text=_("For linking a staff record to the account."),
    )
    reason = forms.CharField(label=_("Why"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise forms.ValidationError(_("There is no account %(value)s.") % {"value": username})
        return user

    def clean_index_number(self):
        index = self.cleaned_data["index_number"].strip()
        if not index:
            return None
        person = Person.objects.filter(index_number=index).first()
        if person is None:
            raise forms.ValidationError(_("There is no staff record %(value)s.") % {"value": index})
        return person


class AccessDecisionForm(forms.Form):
    note = forms.CharField(label=_("Note"), required=False, max_length=2000)
