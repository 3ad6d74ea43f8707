"""Fixture data with hostile text, shared by the page tests."""

from __future__ import annotations

from pathlib import Path

IMG_PAYLOAD = "<img src=x onerror=window.__xss=1>"
SCRIPT_PAYLOAD = "</script><script>window.__xss=2</script>"


def add_hostile_records(data: Path) -> None:
    """An organization named with an injection payload, and a deal whose quote and summary close <script>."""
    (data / "organizations" / "evil-corp.yaml").write_text(
        f"name: 'Evil {IMG_PAYLOAD} Corp'\naliases:\n- '{SCRIPT_PAYLOAD}'\nroles:\n- investor\ncountry: US\n"
        f"description: 'javascript:window.__xss=3'\nsources:\n- url: https://evil.example.org/evil-corp\n"
        f"  publisher: '{IMG_PAYLOAD}'\n  title: '{SCRIPT_PAYLOAD}'\n  date: '2025-05-01'\n  kind: news_report\n"
    )
    (data / "deals" / "evil-corp-labco-investment-2025.yaml").write_text(
        f"name: 'Evil invests {IMG_PAYLOAD}'\ndeal_type: investment\nparties:\n- org: evil-corp\n  role: investor\n"
        f"- org: labco\n  role: investee\nsummary: '{SCRIPT_PAYLOAD}'\nstatus_history:\n- status: announced\n  date: '2025-05'\n"
        f"  sources:\n  - url: https://evil.example.org/evil?a=1&b=<x>\n    publisher: '{IMG_PAYLOAD}'\n    title: '{SCRIPT_PAYLOAD}'\n"
        f"    date: '2025-05-01'\n    kind: press_release\n    quote: '{SCRIPT_PAYLOAD}'\n"
    )
