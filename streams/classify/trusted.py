"""Building pydantic records the coder assembled itself from validated parts, without
validating them again (the coder builds several per event, and validation was a tenth of
its time)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from pydantic import BaseModel

_M = TypeVar("_M", bound=BaseModel)


def trusted(cls: type[_M]) -> Callable[..., _M]:
    """`cls.model_construct` for keyword values that name every field in declaration order:
    the instance model_construct would build (same `__dict__`, fields set, no extra or
    private values), at a third of its cost, since it need not look for aliases or defaults.
    """
    # what model_construct would handle and this does not: aliases, post-init, extras
    if (any(f.alias is not None or f.validation_alias is not None
            for f in cls.__pydantic_fields__.values())
            or cls.__pydantic_post_init__ or cls.__pydantic_root_model__
            or cls.model_config.get("extra") == "allow"):
        raise TypeError(f"{cls.__name__} needs model_construct")
    new, set_ = cls.__new__, object.__setattr__

    def construct(**values: object) -> _M:
        model = new(cls)
        set_(model, "__dict__", values)
        set_(model, "__pydantic_fields_set__", set(values))
        set_(model, "__pydantic_extra__", None)
        set_(model, "__pydantic_private__", None)
        return model

    return construct
