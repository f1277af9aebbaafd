from django.contrib import admin

from phases.staff_auth.models import SignInEvent


@admin.register(SignInEvent)
class SignInEventAdmin(admin.ModelAdmin):
    """The sign-in log, for administrators to read; nobody edits or deletes it here."""

    list_display = ["when", "username", "outcome", "method", "address", "detail"]
    list_filter = ["outcome", "method", "when"]
    search_fields = ["username", "address"]
    date_hierarchy = "when"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser
