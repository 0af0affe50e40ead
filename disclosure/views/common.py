"""Helpers shared by the programme's pages."""

from django.shortcuts import redirect


def back_to_filing(pk):
    return redirect("disclosure-filing", pk=pk)
