"""The embed: partner sites showing a phase page in an iframe, their colours and origins, and
which partner browsers may call the API (CORS)."""
