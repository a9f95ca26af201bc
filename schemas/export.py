"""Export the JSON Schema of every payload to schemas/json/, for non-Python subscribers.

`python -m schemas.export` rewrites them; `--check` exits 1 if a checked-in file drifted.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from schemas import Alert, ClassifiedArticle, DeadLetter, NormalizedArticle, RawArticle

JSON_DIR = Path(__file__).resolve().parent / "json"
MODELS: dict[str, type[BaseModel]] = {
    "raw_article": RawArticle,
    "normalized_article": NormalizedArticle,
    "classified_article": ClassifiedArticle,
    "alert": Alert,
    "dead_letter": DeadLetter,
}


def rendered() -> dict[str, str]:
    """File name -> schema text, deterministic so a diff means a real change."""
    out = {}
    for name, model in MODELS.items():
        schema = model.model_json_schema(mode="serialization")
        schema["$id"] = f"https://wirewatch.dev/schemas/{name}.schema.json"
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        out[f"{name}.schema.json"] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return out


def main(argv: list[str]) -> int:
    check = "--check" in argv
    drifted = []
    JSON_DIR.mkdir(exist_ok=True)
    for filename, text in rendered().items():
        path = JSON_DIR / filename
        if check:
            if not path.exists() or path.read_text() != text:
                drifted.append(filename)
        else:
            path.write_text(text)
    if drifted:
        print("schema files out of date (run `make schemas`): " + ", ".join(drifted))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
