"""Wirewatch wire contracts: pydantic v2 models for every payload on the pipeline's topics.

Importable alone by a subscriber (`from schemas import Alert`); no Faust, no Kafka.
"""

from schemas.alert import SEVERITIES, Alert, AlertKind, Severity, severity_rank
from schemas.article import Dateline, InputFormat, NormalizedArticle, RawArticle
from schemas.deadletter import DeadLetter, DeadLetterReason, Stage
from schemas.event import (
    Actor,
    Casualties,
    ClassifiedArticle,
    Event,
    EventType,
    Evidence,
    Figure,
    Location,
)

__all__ = [
    "SEVERITIES",
    "Actor",
    "Alert",
    "AlertKind",
    "Casualties",
    "ClassifiedArticle",
    "Dateline",
    "DeadLetter",
    "DeadLetterReason",
    "Event",
    "EventType",
    "Evidence",
    "Figure",
    "InputFormat",
    "Location",
    "NormalizedArticle",
    "RawArticle",
    "Severity",
    "Stage",
    "severity_rank",
]
