"""Shared model configuration: strict about unknown fields on our own outputs, UTC datetimes."""

from pydantic import BaseModel, ConfigDict


class WireModel(BaseModel):
    """Base for payloads Wirewatch writes: unknown fields are rejected so drift is caught early."""

    model_config = ConfigDict(extra="forbid", frozen=False, populate_by_name=True)
