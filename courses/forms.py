from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AgencyLevel, LifeEvent, Sector


class ProcedureFilterForm(forms.Form):
    """The catalogue's filters: a plain GET form, so it works with JavaScript off."""

    linh_vuc = forms.ModelChoiceField(
        queryset=Sector.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Sector"),
        empty_label=_("All sectors"),
    )
    su_kien = forms.ModelChoiceField(
        queryset=LifeEvent.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Life event"),
        empty_label=_("All life events"),
    )
    cap = forms.ChoiceField(
        choices=[("", _("All levels")), *AgencyLevel.choices],
        required=False,
        label=_("Agency level"),
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search procedures"), max_length=200, required=False)
