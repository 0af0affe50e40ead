from django import forms
from django.utils.translation import gettext_lazy as _

MAX_BYTES = 50 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Records file (JSON Lines)"),
        help_text=_("One record a line, as described in the records specification. Up to 50 MB."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 50 MB."))
        return upload
