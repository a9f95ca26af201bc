"""The chaos suite's report: one row per scenario, printed at the end and written to
var/chaos/report.md (the README quotes it)."""

from __future__ import annotations

import pytest

from tests.chaos.harness import REPORT_DIR, ROWS, render


def pytest_configure(config: pytest.Config) -> None:
    """Workers' and throwaway brokers' data under var/chaos/tmp, not /tmp/pytest-of-<user>:
    any other pytest run by the same user prunes old directories there, and on a shared
    machine that can delete a running scenario's broker data and worker logs."""
    if not config.option.basetemp:
        # pytest makes the base directory itself, but not its parents (a fresh clone has no var/)
        REPORT_DIR.mkdir(parents=True, exist_ok=True)
        config.option.basetemp = str(REPORT_DIR / "tmp")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not ROWS:
        return
    table = render(ROWS)
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    (REPORT_DIR / "report.md").write_text(table)
    terminalreporter.write_sep("=", "chaos report")
    terminalreporter.write_line(table)
    terminalreporter.write_line(f"(written to {REPORT_DIR / 'report.md'}; evidence of "
                                f"failures beside it)")
