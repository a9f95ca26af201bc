"""Wirewatch: a Faust pipeline from raw news wires to coded events and escalation alerts.

Pure packages (`normalize`, `classify`, `alerting`) know nothing of Kafka; the shell
(`app`, `agents`, `metrics`, `cli`) wires them to topics, state and metrics.
"""

__version__ = "0.1.0"
