"""What the browser's session holds between the launch and the EHR's answer: per launch, its
state, PKCE verifier, issuer and token endpoint. Never a value from the chart, never a token;
taken out when the EHR answers, once only."""

import secrets

SESSION_KEY = "smart_launches"
# A person may start a launch in a second tab before the first comes back; a few are kept.
MOST_LAUNCHES = 3


def remember(session, *, state: str, iss: str, token_endpoint: str, code_verifier: str) -> None:
    launches = dict(session.get(SESSION_KEY) or {})
    launches[state] = {"iss": iss, "token_endpoint": token_endpoint, "verifier": code_verifier}
    session[SESSION_KEY] = dict(list(launches.items())[-MOST_LAUNCHES:])


def take(session, state: str) -> dict | None:
    """The launch `state` names, taken out of the session; None for a state this browser never
    started (forged, replayed, or from another browser). The session is emptied of launches,
    and flushed when nothing else is in it."""
    launches = dict(session.get(SESSION_KEY) or {})
    found = next((k for k in launches if secrets.compare_digest(k, state or "")), None)
    launch = launches.pop(found) if found is not None else None
    if launches:
        session[SESSION_KEY] = launches
    else:
        session.pop(SESSION_KEY, None)
        if not session.keys():
            session.flush()
    return launch
