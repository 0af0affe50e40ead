import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Action, AuditEvent


class AuditEventFilter(django_filters.FilterSet):
    """One set of filters for the Director's page and the API."""

    action = django_filters.ChoiceFilter(choices=Action.choices, label=_("Action"))
    code = django_filters.CharFilter(
        field_name="code", lookup_expr="startswith", label=_("Operation"), max_length=100
    )
    actor = django_filters.CharFilter(
        field_name="actor_label", lookup_expr="icontains", label=_("Actor"), max_length=150
    )
    object_type = django_filters.CharFilter(label=_("Object type"), max_length=100)
    object_id = django_filters.CharFilter(label=_("Object id"), max_length=64)
    since = django_filters.DateFilter(
        field_name="at",
        lookup_expr="date__gte",
        label=_("From"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    until = django_filters.DateFilter(
        field_name="at",
        lookup_expr="date__lte",
        label=_("To"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = AuditEvent
        fields = ["action", "code", "object_type", "object_id", "actor", "since", "until"]
