"""Locust users for `make load` (bench/load.py starts the servers and hands over credentials).

Fifty users in the office's proportions: most are staff asking and reading their requests,
then officers working the queue and cases, focal points on their dashboards, the Director,
and an administrator opening the annual report. Each simulated user signs in with its own
session (second factor verified, made by bench/load.py) or, for the API, its role's token.
"""

import itertools
import json
import os
import random

from locust import HttpUser, between, task

with open(os.environ["BENCH_CREDENTIALS"]) as _file:
    CREDS = json.load(_file)
_sessions = {user: itertools.cycle(c["sessions"]) for user, c in CREDS.items()}
COOKIE = os.environ.get("BENCH_SESSION_COOKIE", "sessionid")


class Signed(HttpUser):
    abstract = True
    username = ""
    wait_time = between(2, 6)

    def on_start(self):
        self.client.cookies.set(COOKIE, next(_sessions[self.username]))
        self.api = {"Authorization": f"Token {CREDS[self.username]['token']}"}

    def page(self, path, name=None):
        self.client.get(path, name=name or path)


class Staff(Signed):
    weight = 24
    username = "staff"

    @task(4)
    def home(self):
        self.page("/")

    @task(3)
    def my_requests(self):
        self.page("/advisory/mine/")

    @task(2)
    def my_requests_api(self):
        self.client.get("/api/advisory/requests/", headers=self.api, name="/api/advisory/requests/ (staff)")

    @task(1)
    def ask(self):
        self.page("/advisory/ask/")
        self.client.post(
            "/api/advisory/requests/",
            json={
                "category": "gifts_honours_awards",
                "question": "May I accept a gift of a book from a vendor? (load test)",
            },
            headers=self.api,
            name="POST /api/advisory/requests/",
        )

    @task(1)
    def roadmap(self):
        self.page("/advisory/roadmap/")


class Officer(Signed):
    weight = 14
    username = "officer"

    @task(5)
    def queue(self):
        self.page("/advisory/queue/")

    @task(2)
    def queue_search(self):
        self.page(
            random.choice(["/advisory/queue/?q=Lee&sort=category", "/advisory/queue/?status=&sort=officer"]),
            name="/advisory/queue/ (search, sort)",
        )

    @task(3)
    def queue_api(self):
        self.client.get("/api/advisory/requests/", headers=self.api, name="/api/advisory/requests/ (officer)")

    @task(2)
    def home(self):
        self.page("/")

    @task(2)
    def cases(self):
        self.page("/retaliation/")

    @task(1)
    def conflicts(self):
        self.page("/disclosure/conflicts/")

    @task(1)
    def filers(self):
        self.page("/disclosure/cycles/2022/")

    @task(1)
    def outreach(self):
        self.page("/outreach/")


class FocalPoint(Signed):
    weight = 7
    username = "focalpoint"

    @task(3)
    def home(self):
        self.page("/")

    @task(2)
    def compliance(self):
        self.page("/disclosure/compliance/")

    @task(1)
    def training_requests(self):
        self.page("/outreach/requests/")


class Director(Signed):
    weight = 3
    username = "director"

    @task(3)
    def home(self):
        self.page("/")

    @task(2)
    def queue(self):
        self.page("/advisory/queue/")

    @task(1)
    def audit(self):
        self.page("/audit/")


class Admin(Signed):
    weight = 2
    username = "admin"

    @task(2)
    def report(self):
        self.page("/reports/annual/2022-2023/")

    @task(1)
    def home(self):
        self.page("/")
