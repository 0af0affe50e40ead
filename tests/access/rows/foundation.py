from ..matrix import LOGIN, NO_AUTH, Row, expect


def build(world):
    from ethics_office.outbox.models import OutboxMessage, Status

    world.outbox_failed = OutboxMessage.objects.create(
        key="access:failed", kind="test", to=["a@example.un.org"], subject="S", body="B", status=Status.FAILED
    )
    from ethics_office.organisation.services import access_change_request

    world.access_change = access_change_request(
        actor=world.users["admin"],
        kind="role_grant",
        user=world.users["staff2"],
        role="ethics_officer",
        reason="Joins the office",
    )


def _token_body(world):
    return {"username": "staff", "password": "wrong-password"}


def _unlock_staff(world, role):
    # Ten roles in a row would lock the account (django-axes): each starts from a clean count.
    from axes.utils import reset

    reset(username="staff")


ROWS = [
    Row("home", expect(200, anonymous=LOGIN)),
    Row("healthz", expect(200)),
    Row("reference-codes", expect(200, anonymous=LOGIN)),
    Row(
        "login",
        expect(
            200,
            **{
                r: 302
                for r in [
                    "staff",
                    "staff2",
                    "officer",
                    "officer2",
                    "director",
                    "focalpoint",
                    "reviewer",
                    "panel",
                    "admin",
                ]
            },
        ),
    ),
    Row("logout", expect(302), method="POST"),
    Row("password_change", expect(200, anonymous=LOGIN)),
    Row("password_change_done", expect(200, anonymous=LOGIN)),
    Row("password_reset", expect(200)),
    Row("password_reset_done", expect(200)),
    Row(
        "password_reset_confirm",
        expect(200),
        kwargs=lambda w: {"uidb64": "MQ", "token": "bad-token"},
        note="an invalid link says so",
    ),
    Row("password_reset_complete", expect(200)),
    Row("audit-events", expect(404, anonymous=LOGIN, director=200)),
    Row(
        "api-token",
        expect(400),
        method="POST",
        data=_token_body,
        content_type="application/json",
        note="wrong password",
        setup=_unlock_staff,
    ),
    Row("api-token-revoke", expect(204, anonymous=NO_AUTH), method="POST", note="logs out the token"),
    Row(
        "two-factor",
        expect(302, anonymous=LOGIN),
        note="a signed-in session that has given its second factor (or needs none) moves on",
    ),
    Row("account-sessions", expect(200, anonymous=LOGIN)),
    Row("otp_webauthn:js-i18n-catalog", expect(200)),
    Row(
        "otp_webauthn:credential-registration-begin",
        expect(200, anonymous=403),
        method="POST",
        note="a signed-in person starts registering a passkey",
    ),
    Row(
        "otp_webauthn:credential-registration-complete",
        expect(400, anonymous=403),
        method="POST",
        note="nothing was started",
    ),
    Row(
        "otp_webauthn:credential-authentication-begin",
        expect(200, anonymous=403),
        method="POST",
        note="never passwordless: anonymous is refused",
    ),
    Row("otp_webauthn:credential-authentication-complete", expect(400, anonymous=403), method="POST"),
    Row("account-sessions", expect(302), method="POST", note="signs out everywhere"),
    Row("api-me", expect(200, anonymous=NO_AUTH)),
    Row("api-schema", expect(200, anonymous=NO_AUTH)),
    Row("api-docs", expect(200, anonymous=NO_AUTH)),
    Row("api-entities", expect(200, anonymous=NO_AUTH)),
    Row("api-duty-stations", expect(200, anonymous=NO_AUTH)),
    Row("api-audit-events", expect(403, anonymous=NO_AUTH, director=200)),
    Row(
        "outbox-messages",
        expect(404, anonymous=LOGIN, officer=200, officer2=200, director=200, admin=200),
        note="envelopes for the office and administrators; content by audience",
    ),
    Row(
        "outbox-message-retry",
        expect(404, anonymous=LOGIN, director=302, admin=302),
        method="POST",
        kwargs=lambda w: {"pk": w.outbox_failed.pk},
    ),
    Row("api-outbox-messages", expect(403, anonymous=NO_AUTH, director=200, admin=200)),
    Row("access-changes", expect(404, anonymous=LOGIN, admin=200, director=200)),
    Row(
        "access-changes",
        expect(404, anonymous=LOGIN, admin=200, director=200),
        method="POST",
        data=lambda w: {"kind": "role_grant", "username": "nobody-by-that-name", "reason": "x"},
        note="an unknown account is named beside its field",
    ),
    Row(
        "access-change-decision",
        expect(404, anonymous=LOGIN, admin=302, director=302),
        method="POST",
        kwargs=lambda w: {"pk": w.access_change.pk, "decision": "approve"},
        note="the Director approves; the asking administrator is sent back with a refusal",
    ),
]
