"""How staff sign in to the admin: the hospital's single sign-on (OpenID Connect, through
Authlib), or a password with a second factor (allauth's account and MFA apps), lockouts by
account and address (django-axes), and a log of every sign-in. docs/staff-sign-in.md."""
