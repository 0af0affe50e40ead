"""Every periodic job beat runs is on a schedule and names a task the Celery app has registered."""

import importlib

import pytest
from celery.schedules import crontab
from django.conf import settings

from ethics_office.celery import app

ENTRIES = sorted(settings.CELERY_BEAT_SCHEDULE.items())


@pytest.mark.parametrize(("name", "entry"), ENTRIES, ids=[name for name, _ in ENTRIES])
def test_each_beat_entry_names_a_registered_task_on_a_schedule(name, entry):
    """The task name resolves to the task object its app's tasks.py defines, and the schedule is a crontab."""
    assert isinstance(entry["schedule"], crontab), name
    module_name, _, function = entry["task"].rpartition(".")
    task = getattr(importlib.import_module(module_name), function)
    assert task.name == entry["task"], f"{entry['task']} is registered as {task.name}"
    assert entry["task"] in app.tasks  # the worker knows it by that name
