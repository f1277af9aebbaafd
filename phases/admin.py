"""The admin, where Django looks for it: each feature registers its own models' admin in its
package, imported here; the menu puts Partners under a heading of their own."""

from django.contrib import admin

from phases.content.admin import phase, texts  # noqa: F401
from phases.embed import admin as embed_admin  # noqa: F401
from phases.embed.models import Partner
from phases.staff_auth import admin as staff_auth_admin  # noqa: F401


def partners_under_their_own_heading(get_app_list):
    """The admin's menu with Partners (hospital libraries' embed settings, not patient
    content) under a heading of their own, after Patient content."""

    def app_list(request, app_label=None):
        apps = get_app_list(request, app_label)
        for index, app in enumerate(apps):
            if app["app_label"] != Partner._meta.app_label:
                continue
            partners = [model for model in app["models"] if model["model"] is Partner]
            content = [model for model in app["models"] if model["model"] is not Partner]
            if partners:
                shown = [{**app, "models": content}] if content else []
                apps[index : index + 1] = [*shown, {**app, "name": "Partners", "models": partners}]
            break
        return apps

    return app_list


# The default site, wrapped rather than replaced by a subclass (as portal/urls.py wraps its
# login): mypy refuses any assignment to a method.
admin.site.get_app_list = partners_under_their_own_heading(  # type: ignore[method-assign]
    admin.site.get_app_list
)
