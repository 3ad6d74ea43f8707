"""The committed JSON Schemas match the models, and accept exactly what the loader accepts."""

from __future__ import annotations

import json

import jsonschema
import pytest
from computekg.graph.yamlio import read_mapping
from computekg.schemas.jsonschema import SCHEMA_DIR, rendered_schemas, schema_file_name
from computekg.schemas.models import RECORD_MODELS
from computekg.schemas.types import is_address_title
from helpers import FIXTURE_DATA


@pytest.mark.parametrize("name", sorted(rendered_schemas()))
def test_committed_schema_matches_the_models(name: str) -> None:
    committed = (SCHEMA_DIR / name).read_text(encoding="utf-8")
    assert committed == rendered_schemas()[name], f"schemas/{name} is stale: run `computekg schemas` and commit it"


def _validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads((SCHEMA_DIR / schema_file_name(kind)).read_text()))


@pytest.mark.parametrize("kind", sorted(RECORD_MODELS))
def test_fixture_files_satisfy_their_schema(kind: str) -> None:
    files = sorted((FIXTURE_DATA / kind).glob("*.yaml"))
    assert files
    for path in files:
        errors = list(_validator(kind).iter_errors(read_mapping(path.read_text())))
        assert errors == [], f"{path}: {errors[0].message}"


@pytest.mark.parametrize(
    ("kind", "record", "complaint"),
    [
        ("organizations", {"name": "X", "roles": ["ai_lab"], "country": "US", "ceo": "Y"}, "Additional properties"),
        ("organizations", {"name": "X", "roles": ["lab"], "country": "US"}, "is not one of"),
        ("organizations", {"name": "X", "roles": ["ai_lab"], "country": "US", "description": "A lab."}, "'sources' is a dependency"),
        ("deals", {"name": "X", "deal_type": "investment", "parties": [{"org": "Bad_Id", "role": "investor"}],
                   "status_history": [{"status": "rumored", "date": "2025", "sources": []}]}, "does not match"),
        ("chips", {"name": "X", "product_kind": "gpu", "designer": "a", "status": "shipping", "sources": [
            {"url": "www.x.org/story", "publisher": "P", "title": "T", "date": "2025", "kind": "news_report"}]}, "does not match"),
    ],
)
def test_schema_rejects_what_the_loader_rejects(kind: str, record: dict[str, object], complaint: str) -> None:
    messages = [e.message for e in _validator(kind).iter_errors(record)]
    assert any(complaint in m for m in messages), messages


def test_every_fixture_file_names_its_schema() -> None:
    for kind in RECORD_MODELS:
        for path in (FIXTURE_DATA / kind).glob("*.yaml"):
            first = path.read_text().splitlines()[0]
            assert first == f"# yaml-language-server: $schema=../../schemas/{schema_file_name(kind)}"


def test_id_is_not_a_file_field() -> None:
    for text in rendered_schemas().values():
        schema = json.loads(text)
        assert "id" not in schema["properties"] and "id" not in schema["required"]
        assert schema["additionalProperties"] is False


@pytest.mark.parametrize(
    ("url", "title", "expected"),
    [
        ("https://news.example.org/2025/05/nvidia-taps-tsmc-for-n2/index.html", "Nvidia taps TSMC for N2", True),
        ("https://news.example.org/a/%E8%BC%9D%E9%81%94-lambda", "輝達 Lambda", True),  # percent-encoded words, decoded
        ("https://news.example.org/view?title=musks-xai-raises-6bn&id=7", "Musks xAI raises 6bn", True),
        ("https://news.example.org/us-2-5-billion-deal", "US$2.5 billion deal", False),
        ("https://news.example.org/us-2-5-billion-deal", "US 2 5 billion deal", True),
        ("https://news.example.org/tsmc-raises-prices", "", False),
    ],
)  # fmt: skip
def test_address_titles(url: str, title: str, expected: bool) -> None:
    assert is_address_title(title, url) is expected
