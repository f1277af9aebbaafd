import pytest
from django.contrib.auth.models import Group, User


def make_staff(username, group, **fields):
    user = User.objects.create_user(
        username, password=f"a-long-{username}-password", is_staff=True, **fields
    )
    user.groups.add(Group.objects.get(name=group))
    return user


def edit_form(obj, **changes):
    """What the admin's form for `obj` sends: the texts it shows (the draft, if any), the
    version it was opened at, and the editor's `changes`."""
    shown = obj.with_draft()
    data = {field: getattr(shown, field) for field in obj.DRAFT_FIELDS}
    return data | {"edit_version": obj.version} | changes


@pytest.fixture
def editor(db):
    """A hospital editor: staff, in the "Content editors" group the migrations create."""
    return make_staff("editor", "Content editors", first_name="Eddie", last_name="Editor")


@pytest.fixture
def approver(db):
    """A senior editor or clinician who may also publish and mark pages reviewed."""
    return make_staff("approver", "Content approvers", first_name="Ada", last_name="Approver")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def approver_client(editor, approver):
    from django.test import Client

    client = Client()
    client.force_login(approver)
    return client
