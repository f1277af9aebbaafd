"""A hospital account's portal role, from the groups the identity provider says it is in.

The role is set again at every sign-in: a person the hospital moves out of a group loses the
role the next time they sign in, and a person in neither group is refused and left without
staff access. Approvers may do all that editors do, so one group is enough.
"""

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.db import transaction

EDITORS = "Content editors"
APPROVERS = "Content approvers"


class LocalAccountConflict(Exception):
    """The provider's subject is the name of a portal password account."""


def role_from_claims(claims):
    """The portal group a person's claims give (APPROVERS, EDITORS), or None."""
    groups = claims.get(settings.OIDC_GROUPS_CLAIM) or []
    if isinstance(groups, str):
        groups = [groups]
    names = {str(group) for group in groups}
    if names & set(settings.OIDC_APPROVER_GROUPS):
        return APPROVERS
    if names & set(settings.OIDC_EDITOR_GROUPS):
        return EDITORS
    return None


@transaction.atomic
def staff_from_claims(claims):
    """The portal user for a hospital account, its name, email and role brought up to date.
    Returns (user, role); role None means no staff access, which is saved too."""
    user, created = User.objects.get_or_create(username=claims["sub"])
    if created:
        user.set_unusable_password()  # signs in through the hospital only
    elif user.has_usable_password():
        raise LocalAccountConflict(claims["sub"])
    user.first_name = str(claims.get("given_name") or "")[:150]
    user.last_name = str(claims.get("family_name") or "")[:150]
    if not (user.first_name or user.last_name):
        user.first_name = str(claims.get("name") or "")[:150]
    user.email = str(claims.get("email") or "")[:254]
    role = role_from_claims(claims)
    user.is_staff = role is not None
    user.save()
    user.groups.remove(*Group.objects.filter(name__in=[EDITORS, APPROVERS]))
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user, role
