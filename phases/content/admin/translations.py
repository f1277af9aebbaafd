"""Translations in the admin: how each language's text of an item stands, and starting a
missing one from the English text (one item's button, or a list action for many)."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_POST

from phases.content.admin.filters import other_languages
from phases.content.languages import DEFAULT, english_name
from phases.content.publishing import MISSING, OUT_OF_DATE


@dataclass
class Translation:
    """How an item's text in one language stands against its English text, as a change form
    tells it: on the English form, `row` and `url` are that language's row; on the form of the
    translation, they are the English row."""

    language: str
    name: str  # the language, in English
    state: str
    url: str | None = None  # the other row's change form
    row: object = None
    start_url: str | None = None  # "Add the … text", for those who may
    changes: list | None = None  # what changed in the English since the translation


class TranslationViews:
    """The translation parts of EditorialAdmin (a ModelAdmin)."""

    def translations(self, request, obj):
        """On an English row, how its text stands in each other language; None on the others."""
        if obj.language != DEFAULT:
            return None
        may_start = self.has_change_permission(request, obj)
        shown = []
        for code in other_languages():
            translated = obj.translation(code)
            state = MISSING if translated is None else translated.translation_state()
            start_url = self._url("translate", obj.pk, code) if state == MISSING else None
            shown.append(
                Translation(
                    language=code,
                    name=english_name(code),
                    state=state,
                    url=translated and self._url("change", translated.pk),
                    row=translated,
                    start_url=start_url if may_start else None,
                )
            )
        return shown

    def english_text(self, obj):
        """On a translated row, how it stands against its English text; None on an English row."""
        if obj.language == DEFAULT:
            return None
        english = obj.translation(DEFAULT)
        state = obj.translation_state()
        changes = obj.english_changes(english) if state == OUT_OF_DATE else None
        return Translation(
            language=obj.language,
            name=english_name(obj.language),
            state=state,
            url=english and self._url("change", english.pk),
            row=english,
            changes=changes,
        )

    @method_decorator(require_POST)
    def start_translation_view(self, request, object_id, language):
        """The button "Add the Spanish text" on an English row: opens its Spanish row, started
        first as a draft holding the English text when there is none."""
        english = self.get_object(request, unquote(object_id))
        if english is None or english.language != DEFAULT or language not in other_languages():
            raise Http404("No such text to translate.")
        if not self.has_change_permission(request, english):
            raise PermissionDenied
        translated = english.translation(language)
        if translated is None:
            try:
                translated = self._start_translation(request, english, language)
            except IntegrityError:  # a second press of the button, at the same moment
                translated = english.translation(language)
            self.message_user(request, self._started_message([english], language), messages.SUCCESS)
        else:
            self.message_user(
                request,
                f"“{english}” already has a {english_name(language)} text: here it is.",
                messages.INFO,
            )
        return redirect(self._url("change", translated.pk))

    def _start_translation(self, request, english, language):
        translated = english.start_translation(language, by=request.user)
        self.log_addition(request, translated, f"Started from the English text of “{english}”.")
        return translated

    def _started_message(self, started, language):
        name = english_name(language)
        items = ", ".join(f"“{english}”" for english in started)
        return (
            f"Started the {name} text of {items} from the English text, as a draft to "
            f"translate. Patients reading {name} see the English text, marked as not "
            f"translated, until the {name} text is published."
        )

    def _start_translations_action(self, language):
        """The list action "Add the Spanish text of the selected English items"."""

        def start_translations(modeladmin, request, queryset):
            name = english_name(language)
            started, left = {}, 0
            for english in queryset:
                if english.language != DEFAULT or english.translation(language):
                    left += 1
                else:
                    started[english] = self._start_translation(request, english, language)
            if started:
                message = self._started_message(list(started), language)
                self.message_user(request, message, messages.SUCCESS)
            if left:
                self.message_user(
                    request,
                    f"Nothing was started for {left} of the selected items: only an English "
                    f"text with no {name} text yet can be started.",
                    messages.INFO if started else messages.WARNING,
                )
            if len(started) == 1:
                [translated] = started.values()
                return redirect(self._url("change", translated.pk))
            return None

        return start_translations
