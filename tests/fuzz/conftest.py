def pytest_terminal_summary(terminalreporter):
    """`make fuzz` prints how many calls were made, by role, and how many operations failed."""
    from .test_api_schema import CALLS

    if not CALLS:
        return
    failed = len(terminalreporter.stats.get("failed", []))
    passed = len(terminalreporter.stats.get("passed", []))
    by_role = ", ".join(f"{role} {n}" for role, n in sorted(CALLS.items()))
    terminalreporter.write_line(
        f"fuzz: {sum(CALLS.values())} calls ({by_role}); tests passed {passed}, failed {failed}"
    )
