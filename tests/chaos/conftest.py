"""The chaos suite's report: one row per scenario, printed at the end and written to
var/chaos/report.md (the README quotes it)."""

from __future__ import annotations

import pytest

from tests.chaos.harness import REPORT_DIR, ROWS, render


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
