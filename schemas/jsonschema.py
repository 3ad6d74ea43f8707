"""The JSON Schema of each data file, generated from the models and committed beside them.

Editors with a YAML language server read it (each data file names its schema on its
first line). A test regenerates it and fails on drift; `computekg schemas` rewrites it.
"""

from __future__ import annotations

import json
from pathlib import Path

from .models import RECORD_MODELS

SCHEMA_DIR = Path(__file__).resolve().parent
SCHEMA_BASE = "https://w3id.org/computekg/schemas/"


def schema_file_name(kind: str) -> str:
    """organizations -> organization.schema.json (the name data files point at)."""
    return f"{RECORD_MODELS[kind].__name__.lower()}.schema.json"


def record_schema(kind: str) -> dict[str, object]:
    model = RECORD_MODELS[kind]
    schema = model.model_json_schema()
    # The id is the file name, never a field in the file.
    schema["properties"].pop("id")
    schema["required"] = [name for name in schema.get("required", []) if name != "id"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_BASE + schema_file_name(kind),
        **schema,
    }


def rendered_schemas() -> dict[str, str]:
    """File name -> exact text, stable key order and a trailing newline."""
    return {schema_file_name(kind): json.dumps(record_schema(kind), indent=2, ensure_ascii=False) + "\n" for kind in RECORD_MODELS}
