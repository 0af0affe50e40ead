"""Bring the benchmark database to the volume the list benchmark needs, in bulk SQL.

`bench/run.py` imports ten years through the records import (about 87,000 advice requests,
45,000 filers a cycle, ~10,000 conflicts, ~4,600 retaliation inquiries, 3,000 training
sessions). Those historical records are all closed, so this script:

- opens a realistic working set: the newest 2,000 advice requests get open statuses, a third
  of them untriaged, the rest assigned to the two demo officers and the Director with the
  guardian object permission their assignment grants;
- tops the advice requests up to 90,000 with copies of closed ones ten years older
  (references "X…"), as the ten imported years hold about 48,000;
- loads the demo (`seed_demo`: its people and logins) when it is not there yet;
- adds audit events up to 1,000,000 (generate_series; these bench events are not sealed into
  the chain, so `verify_audit` on the bench database reports them — never run it there).

Idempotent: run it again and it changes nothing. Run by `make bench` after bench/run.py.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/eo_bench")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ethics_office.settings")

ADVICE_REQUESTS = 90_000
AUDIT_EVENTS = 1_000_000
OPEN_REQUESTS = 2_000


def main():
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction

    from advisory.models import AdviceRequest

    if not get_user_model().objects.filter(username="officer").exists():
        from django.core.management import call_command

        # the demo's people and logins, which the benchmark signs in as; the bench database holds nothing real
        call_command("seed_demo", demo_confirmed=True)
    users = {
        u.username: u.pk
        for u in get_user_model().objects.filter(username__in=["officer", "officer2", "director"])
    }
    with transaction.atomic(), connection.cursor() as cursor:
        missing = ADVICE_REQUESTS - AdviceRequest.objects.count()
        if missing > 0:
            cursor.execute(
                """
                WITH src AS (
                    SELECT ar.*, sr.ref, sr.received, sr.channel, sr.category_id AS sr_category,
                           sr.duty_station_id, sr.entity_id, sr.requester_id
                    FROM advisory_advicerequest ar JOIN intake_servicerequest sr ON sr.id = ar.service_request_id
                    WHERE sr.ref LIKE 'B%%' AND ar.status = 'closed' ORDER BY ar.id LIMIT %s
                ), ins AS (
                    INSERT INTO intake_servicerequest
                        (ref, received, channel, created_at, updated_at, category_id, duty_station_id, entity_id,
                         requester_id)
                    SELECT 'X' || ref, (received - interval '10 years')::date, channel, now(), now(), sr_category,
                           duty_station_id, entity_id, requester_id FROM src
                    RETURNING id, ref
                )
                INSERT INTO advisory_advicerequest
                    (status, created_at, updated_at, category_id, service_request_id, acknowledged_at, advice,
                     advised_at, assigned_to_id, outcome, question, referred_to, vendor_name, vendor_note,
                     vendor_recommendation, receipt_hash)
                SELECT src.status, now(), now(), src.category_id, ins.id, src.acknowledged_at, src.advice,
                       src.advised_at, src.assigned_to_id, src.outcome, src.question, src.referred_to,
                       src.vendor_name, src.vendor_note, src.vendor_recommendation, ''
                FROM src JOIN ins ON ins.ref = 'X' || src.ref
                """,
                [missing],
            )
            print(f"added {missing} advice requests")
        marked = AdviceRequest.objects.filter(
            service_request__ref__startswith="B", status__in=["received", "assigned", "in_progress"]
        ).count()
        if marked < OPEN_REQUESTS // 2:
            ids = list(
                AdviceRequest.objects.filter(service_request__ref__startswith="B")
                .order_by("-service_request__received", "-id")
                .values_list("pk", flat=True)[:OPEN_REQUESTS]
            )
            assignees = [users["officer"], users["officer2"], users["director"]]
            statuses = ["received", "assigned", "in_progress"]
            rows = []
            for i, pk in enumerate(ids):
                untriaged = i % 3 == 0
                rows.append(
                    (
                        pk,
                        "received" if untriaged else statuses[i % 3],
                        None if untriaged else assignees[i % 3],
                    )
                )
            cursor.executemany(
                "UPDATE advisory_advicerequest SET status = %s, assigned_to_id = %s, advised_at = NULL WHERE id = %s",
                [(s, a, pk) for pk, s, a in rows],
            )
            ct = ContentType.objects.get_for_model(AdviceRequest)
            perm = Permission.objects.get(content_type=ct, codename="handle_advicerequest")
            cursor.executemany(
                "INSERT INTO guardian_userobjectpermission (object_pk, content_type_id, permission_id, user_id)"
                " VALUES (%s, %s, %s, %s)",
                [(str(pk), ct.pk, perm.pk, a) for pk, _, a in rows if a is not None],
            )
            print(f"opened {len(rows)} advice requests")
        cursor.execute("SELECT count(*) FROM audit_auditevent")
        have = cursor.fetchone()[0]
        if have < AUDIT_EVENTS:
            missing = AUDIT_EVENTS - have
            cursor.execute(
                """
                INSERT INTO audit_auditevent
                    (at, actor_id, actor_label, action, code, object_type, object_id, fields, changes, client_address)
                SELECT now() - (g || ' minutes')::interval / 2,
                       (ARRAY[%s, %s, %s])[1 + g %% 3],
                       (ARRAY['officer', 'officer2', 'director'])[1 + g %% 3],
                       CASE WHEN g %% 997 = 0 THEN 'login_failed'
                            ELSE (ARRAY['view', 'view', 'view', 'update', 'create', 'login'])[1 + g %% 6] END,
                       (ARRAY['advisory.advice_request_open', 'advisory.advice_request_open',
                              'advisory.advice_request_open', 'advisory.advice_request_transition',
                              'advisory.advice_request_submit', 'site.login'])[1 + g %% 6],
                       'advisory.advicerequest', (g %% 90000)::text, '[]'::jsonb, '{}'::jsonb, '10.0.0.1'
                FROM generate_series(1, %s) AS g
                """,
                [users["officer"], users["officer2"], users["director"], missing],
            )
            print(f"added {missing} audit events")
    # VACUUM as well as ANALYZE (outside the transaction: VACUUM cannot run in one): a deployment's
    # autovacuum keeps the visibility map set, so counts are index-only scans; freshly loaded rows,
    # on a server with autovacuum off (this machine's), make every count fetch each row from the
    # table (docs/performance.md).
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print("bench data ready")


if __name__ == "__main__":
    main()
