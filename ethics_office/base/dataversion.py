"""The office's data version, and what is cached under it (issue 17).

One number in the cache that moves on at every write that can change what a page shows: any
save, deletion or M2M change of a record outside the technical apps (sessions, devices, admin
log), and every audit event except views, sign-ins and sign-outs — each service writes one,
including those that write in bulk (`QuerySet.update`, the records import), which send no model
signals. It moves on when the write is made and again when it commits, so a result computed
from data read before the commit is never kept under the version after it. The site wires the
signals (ethics_office/site/apps.py).

`remembered(namespace, parts, compute)` keeps a computed result under the current version and
a digest of `parts`. The callers put everything the result depends on into `parts` — the
person (user id and role set), the language, the request's query string, today's date — so a
result is only ever read back for the same person asking the same question of the same data;
nobody is shown a list or a count computed for someone else. Results that change with the
clock alone are at most `TIMEOUT` seconds old.
"""

import hashlib
import logging

from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)
VERSION_KEY = "home:data-version"
TIMEOUT = 60
# Records that no page counts or lists: a save here does not move the version on.
IGNORED_APPS = {"sessions", "admin", "contenttypes", "otp_totp", "otp_static", "otp_email", "audit"}
# Audit events that record no change to anything a page shows.
IGNORED_ACTIONS = {"view", "login", "logout"}


def version() -> int:
    """The current version; 0 when the cache cannot be read (then nothing is kept)."""
    try:
        value = cache.get(VERSION_KEY)
        if value is None:
            cache.add(VERSION_KEY, 1, None)
            value = cache.get(VERSION_KEY) or 1
        return value
    except Exception:  # noqa: BLE001 - without a cache results are computed, not kept
        logger.warning("The data version could not be read", exc_info=True)
        return 0


def advance(key: str) -> None:
    """Move the version counter under `key` on (the office's here, the report's in reports.cache)."""
    try:
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 2, None)
    except Exception:  # noqa: BLE001 - a cache outage must not fail the write; entries expire
        logger.warning("The data version %s could not be moved on", key, exc_info=True)


def _bump() -> None:
    advance(VERSION_KEY)


def changed() -> None:
    """Now and after the commit: a result computed before the change is never read after it."""
    _bump()
    transaction.on_commit(_bump)


def on_model_change(sender, **kwargs):
    if sender._meta.app_label not in IGNORED_APPS:
        changed()


def on_audit_event(sender, instance, created, **kwargs):
    if created and instance.action not in IGNORED_ACTIONS:
        changed()


def remembered(namespace: str, parts: tuple, compute, timeout: int = TIMEOUT):
    """compute(), or what it returned for the same `parts` under the current data version."""
    current = version()
    if not current:
        return compute()
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    key = f"{namespace}:{current}:{digest}"
    try:
        value = cache.get(key)
    except Exception:  # noqa: BLE001
        value = None
    if value is None:
        value = compute()
        try:
            cache.set(key, value, timeout)
        except Exception:  # noqa: BLE001 - the page is shown all the same
            logger.warning("A result could not be kept under the data version", exc_info=True)
    return value


def asked(request, *extra) -> tuple:
    """The `parts` of a list a person asked for: who (user id and role set), in which language,
    with which query string, on which day (the clocks), plus whatever else the caller adds."""
    from django.utils import timezone, translation

    from .roles import roles_of

    user = request.user
    return (
        user.pk,
        tuple(sorted(roles_of(user))),
        translation.get_language(),
        request.get_full_path(),
        timezone.localdate().isoformat(),
        *extra,
    )
