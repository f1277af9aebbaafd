"""History in the admin: every version of an item, newest first, with what it changed word by
word; and bringing back a version (or the words of a deleted item, into a new one)."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import PAGE_VAR
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from phases.content.admin.filters import named
from phases.content.admin.forms import problems_of, saved_by

HISTORY_PER_PAGE = 50


@dataclass
class HistoryRow:
    record: object  # a history record
    who: str
    who_url: str | None  # the person's user page, for those who may open it
    changes: list  # (field label, word-by-word HTML)
    is_first: bool  # the first version of all: nothing before it to compare with
    is_current: bool  # what the record holds now


class HistoryViews:
    """The history and bring-back pages of EditorialAdmin (a ModelAdmin)."""

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))  # None for an id that is not one
        if obj is None:
            raise Http404("No such item.")
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        records = obj.history.select_related("history_user").order_by(
            "-history_date", "-history_id"
        )
        paginator = Paginator(records, HISTORY_PER_PAGE)
        page = paginator.get_page(request.GET.get(PAGE_VAR))
        shown = list(page.object_list)
        older = records[page.end_index()] if page.has_next() else None
        rows = [
            HistoryRow(
                record=record,
                who=saved_by(record),
                who_url=self._user_url(request, record.history_user),
                changes=obj.version_changes(record, previous) if previous else [],
                is_first=previous is None,
                is_current=page.number == 1 and index == 0,
            )
            for index, (record, previous) in enumerate(
                zip(shown, [*shown[1:], older], strict=False)
            )
        ]
        context = self._context(
            request,
            obj,
            f"History: {named(obj)}",
            rows=rows,
            page=page,
            page_range=paginator.get_elided_page_range(page.number),
            page_var=PAGE_VAR,
            can_change=self.has_change_permission(request, obj),
            **(extra_context or {}),
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.object_history_template, context)

    def _user_url(self, request, user):
        """The admin page of the person who saved a version, only for those who may open it."""
        if user is None or not self.admin_site.is_registered(type(user)):
            return None
        user_admin = self.admin_site.get_model_admin(type(user))
        if not user_admin.has_view_or_change_permission(request, user):
            return None
        opts = user._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[user.pk])

    def revert_view(self, request, object_id, version_id):
        obj = self.get_object(request, object_id)
        if obj is None:
            return self.add_again(request, object_id, version_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        record = obj.history.filter(history_id=version_id).select_related("history_user").first()
        if record is None:
            raise Http404("No such version.")
        can_change = self.has_change_permission(request, obj)
        can_publish = self.has_publish_permission(request)
        problems = []
        if request.method == "POST":
            if not can_change:
                raise PermissionDenied
            try:
                obj.revert_to(record, by=request.user, publish=can_publish)
            except ValidationError as error:
                problems = problems_of(obj, error)
                obj = self.get_object(request, object_id)  # as stored: nothing was saved
            else:
                self.log_change(request, obj, f"Brought back version {record.version}.")
                self.message_user(request, self._reverted_message(record, obj), messages.SUCCESS)
                return redirect(self._url("change", obj.pk))
        context = self._context(
            request,
            obj,
            f"Version {record.version} of {named(obj)}",
            record=record,
            who=saved_by(record),
            who_url=self._user_url(request, record.history_user),
            texts=[(obj.field_label(field), getattr(record, field)) for field in obj.DRAFT_FIELDS],
            changes=obj.text_changes(obj, record),
            review_note=self.review_note(
                obj,
                {field: getattr(record, field) for field in obj.DRAFT_FIELDS},
                action="Bringing back this version",
            )
            if can_publish
            else "",
            problems=problems,
            can_change=can_change,
            can_publish=can_publish,
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.revert_template, context)

    def _reverted_message(self, record, obj):
        if obj.has_draft:
            return (
                f"The text of version {record.version} is back as a draft: patients still see "
                "the published version until an approver publishes it."
            )
        return f"The text of version {record.version} is back and published: patients see it now."

    def add_again(self, request, object_id, version_id):
        """A deleted item cannot be brought back in place: its words go into a new one instead."""
        history = self.model.history.filter(history_id=version_id)
        record = history.filter(**{self.opts.pk.attname: object_id}).first()
        if record is None or not self.has_add_permission(request):
            raise Http404("No such version.")
        messages.info(
            request,
            f"This {self.opts.verbose_name} was deleted, so it cannot be changed back in place. "
            "Its words from that version are filled in below: save to add it again.",
        )
        fields = ["language", *self.model.DRAFT_FIELDS]
        initial = urlencode({field: getattr(record, field) for field in fields})
        return redirect(f"{self._url('add')}?{initial}")
