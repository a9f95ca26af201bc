"""Alert rules: pure functions from a classified article to the alerts it raises."""

from streams.alerting.rules import AlertConfig, alert_id, alerts_for

__all__ = ["AlertConfig", "alert_id", "alerts_for"]
