from allauth.mfa.models import Authenticator
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Remove a staff member's second factor (authenticator app, passkeys, recovery codes) "
        "when they lost their phone or key, and end their sessions. At their next sign-in "
        "with their password they set up a new one. Written in the admin's history of that "
        "person, under the administrator named by --by."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="whose second factor to remove")
        parser.add_argument("--by", required=True, help="your own admin user name")

    @transaction.atomic
    def handle(self, *args, username, by, **options):
        try:
            person = User.objects.get(username=username)
            administrator = User.objects.get(username=by, is_staff=True)
        except User.DoesNotExist:
            raise CommandError(f"No such staff user: {username!r} or --by {by!r}.") from None
        removed, _ = Authenticator.objects.filter(user=person).delete()
        ended = end_sessions_of(person)
        message = f"Second factor reset from the command line ({removed} removed)."
        LogEntry.objects.log_actions(
            user_id=administrator.pk,
            queryset=User.objects.filter(pk=person.pk),
            action_flag=CHANGE,
            change_message=message,
            single_object=True,
        )
        self.stdout.write(
            f"{username}: {removed} second-factor record(s) removed, {ended} session(s) ended. "
            "They set up a new second factor at their next sign-in."
        )


def end_sessions_of(person):
    """Sign the person out everywhere, so nobody already signed in sets up the new factor."""
    ended = 0
    for session in Session.objects.all():
        if str(session.get_decoded().get("_auth_user_id")) == str(person.pk):
            session.delete()
            ended += 1
    return ended
